/* tape-exp.h — exercise ch08/tape-exp (the task is in tape-exp.c). */
#ifndef EXERCISE_TAPE_EXP_H
#define EXERCISE_TAPE_EXP_H

#include "tape.h"

/* e^u, recorded on the tape as one node with its local derivative.
 * u: a node on tape (or TAPE_NONE, which gives TAPE_NONE) */
Var tape_exp(Tape *tape, Var u);

#endif
