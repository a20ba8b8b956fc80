/*
 * Exercise ch11/top2-error — right within two guesses.
 *
 * error_rate counts an example wrong unless the most probable class is its
 * label. The top-2 error rate is more forgiving: an example counts as right
 * when its label is the most probable class or the second most probable.
 * On the digits it tells you how many mistakes were near misses (a 4 taken
 * for a 9, with the 4 a close second) and how many were far off.
 *
 * Task: return the fraction of the n examples whose label is not among the
 *   two classes with the highest probability. Row i of probs holds example
 *   i's k probabilities, probs[i * k + c] for class c; label[i] is its
 *   class. Count the label among the top two when fewer than two classes
 *   have a probability strictly above the label's (so a tie for second
 *   place counts as right). With n = 0, return 0.
 *   May call: nothing beyond plain C.
 *
 * Hint: for each example, count the classes whose probability is above
 * that of its label; the label is in the top two when that count is 0 or 1.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "top2-error.h"

#include <stddef.h>

double top2_error_rate(const double *probs, const size_t *label, size_t n, size_t k)
{
    /* TODO: your code here */
    (void)probs;
    (void)label;
    (void)n;
    (void)k;
    return -1.0;
}
