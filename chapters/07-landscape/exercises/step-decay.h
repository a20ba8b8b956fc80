/* step-decay.h — exercise ch07/step-decay (the task is in step-decay.c). */
#ifndef EXERCISE_STEP_DECAY_H
#define EXERCISE_STEP_DECAY_H

#include <stddef.h>

/* The rate at iteration t (from 0) of a schedule that multiplies lr by drop
 * every `every` iterations: lr · drop^⌊t / every⌋. every ≥ 1 */
double step_decay_lr(double lr, double drop, size_t every, size_t t);

#endif
