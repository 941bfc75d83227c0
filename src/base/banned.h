/*
 * banned.h - libc calls that selter code must not use (after git's banned.h).
 *
 * Included last by every selter source file (tools/lint checks it), so a
 * banned call is a compile error.  The macros are object-like: any use of
 * the name, called or not, becomes an undeclared identifier.  Use buf_printf, str_* and
 * parse_i64 instead.
 */
#ifndef SELTER_BASE_BANNED_H
#define SELTER_BASE_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy BANNED(strcpy)
#undef strcat
#define strcat BANNED(strcat)
#undef strncpy
#define strncpy BANNED(strncpy)
#undef strncat
#define strncat BANNED(strncat)
#undef sprintf
#define sprintf BANNED(sprintf)
#undef vsprintf
#define vsprintf BANNED(vsprintf)
#undef strtok
#define strtok BANNED(strtok)
#undef strtok_r
#define strtok_r BANNED(strtok_r)
#undef ctime
#define ctime BANNED(ctime)
#undef asctime
#define asctime BANNED(asctime)
#undef mktemp
#define mktemp BANNED(mktemp)
#undef gets
#define gets BANNED(gets)
#undef atoi
#define atoi BANNED(atoi)
#undef atol
#define atol BANNED(atol)
#undef atof
#define atof BANNED(atof)
#undef gmtime
#define gmtime BANNED(gmtime)
#undef localtime
#define localtime BANNED(localtime)

#endif
