/*
 * demo_result.c - the past selection's signatures (demo_past.c): each
 * stage's result published and the ranking sent, through the result
 * part's use cases.  Its own file: store_result.h and store_score.h each
 * name their rows, and one file includes one of them.
 */
#include "app/demo_int.h"
#include "app/result.h"
#include "base/banned.h"

void
demo_publish(struct seed *s, int64_t sel, struct str stage)
{
	if (s->rc == SEL_OK)
		demo_check(s, app_stage_publish(s->a, s->ar, &s->w, sel, stage,
		    true, true, &s->m), "stage result");
}

void
demo_send(struct seed *s, int64_t sel)
{
	if (s->rc == SEL_OK)
		demo_check(s, app_ranking_send(s->a, s->ar, &s->w, sel, true,
		    &s->m), "ranking");
}
