/*
 * ckd.h - checked integer arithmetic (C23 <stdckdint.h> spelling).
 *
 * Each macro stores the result in *r and returns true on overflow, so
 * callers write `if (ckd_add(&t, a, b)) return SEL_ERANGE;`.
 */
#ifndef SELTER_BASE_CKD_H
#define SELTER_BASE_CKD_H

#define ckd_add(r, a, b)	__builtin_add_overflow((a), (b), (r))
#define ckd_sub(r, a, b)	__builtin_sub_overflow((a), (b), (r))
#define ckd_mul(r, a, b)	__builtin_mul_overflow((a), (b), (r))

#define UNUSED		__attribute__((unused))
#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))

#endif
