/* tape-sigmoid.h — exercise ch08/tape-sigmoid (the task is in tape-sigmoid.c). */
#ifndef EXERCISE_TAPE_SIGMOID_H
#define EXERCISE_TAPE_SIGMOID_H

#include "tape.h"

/* σ(u) = 1 / (1 + e^(−u)), recorded on the tape as one node with its local
 * derivative. u: a node on tape (or TAPE_NONE, which gives TAPE_NONE) */
Var tape_sigmoid(Tape *tape, Var u);

#endif
