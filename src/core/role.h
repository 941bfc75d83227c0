/*
 * role.h - the roles a person holds in a selection (REGULATIONS.md §1-2).
 *
 * A vocabulary only: the workflow's table (flow.h) names the role that
 * may take each transition, the store keeps grants of these roles, and
 * the application's permission table (app/perm.c) maps them to actions.
 * How a role is spelt in the store is the store's business (store.c).
 */
#ifndef SELTER_CORE_ROLE_H
#define SELTER_CORE_ROLE_H

enum role {
	ROLE_SECRETARIAT, ROLE_CHAIR, ROLE_MEMBER, ROLE_ASSESSOR,
	ROLE_NARASUMBER, ROLE_PYB, ROLE_PPK, ROLE_OVERSIGHT, ROLE_APPLICANT,
	ROLE__N
};

/* A set of roles: bit 1 << role. */
#define ROLE_BIT(r)	(1u << (unsigned)(r))

#endif
