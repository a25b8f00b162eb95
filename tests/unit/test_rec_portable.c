/* The checks of test_rec_simd.c on rec's portable code (what a machine without SSE2 runs). */
#undef __SSE2__
#include "test_rec_simd.c"
