/* tape-div.h — exercise ch08/tape-div (the task is in tape-div.c). */
#ifndef EXERCISE_TAPE_DIV_H
#define EXERCISE_TAPE_DIV_H

#include "tape.h"

/* u / v, recorded on the tape as one node with its two local derivatives.
 * u, v: nodes on tape, v ≠ 0 (TAPE_NONE for either gives TAPE_NONE) */
Var tape_div(Tape *tape, Var u, Var v);

#endif
