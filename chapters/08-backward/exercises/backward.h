/* backward.h — exercise ch08/backward (the task is in backward.c). */
#ifndef EXERCISE_BACKWARD_H
#define EXERCISE_BACKWARD_H

#include "tape.h"

/* loss.backward(), written by you: the library's tape_backward().
 * loss: a node on tape (TAPE_NONE: do nothing) */
void backward_pass(Tape *tape, Var loss);

#endif
