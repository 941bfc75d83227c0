/*
 * h_sel_form.c - the form helpers of the preparation pages (h_sel.h).
 */
#include <string.h>

#include "base/arena.h"
#include "web/h_sel.h"
#include "base/banned.h"

/* Is the open form the one that was refused? */
bool
sf_refilling(const struct ctx *c)
{
	return c->posted != NULL && c->form != NULL &&
	    c->posted_word != NULL && strcmp(c->form, c->posted_word) == 0;
}

/* What a field shows: what was typed when its form was refused. */
struct str
sf_shown(const struct ctx *c, const char *name, struct str v)
{
	return sf_refilling(c) ? form_get(c->posted, name) : v;
}

bool
sf_is_bad(const struct ctx *c, const char *name)
{
	return sf_refilling(c) && c->bad_field != NULL &&
	    strcmp(c->bad_field, name) == 0;
}

/* The refusal beside its field, and the field's ARIA attributes. */
void
sf_bad_text(struct ctx *c, const char *name)
{
	if (!sf_is_bad(c, name))
		return;
	H(c->p, "<p class=\"field-err\"");
	HA(c->p, "id", arena_printf(c->r->ar, "%s-%s-err", c->form, name));
	H(c->p, ">");
	h_textc(c->p, c->bad_msg);
	H(c->p, "</p>");
}

void
sf_bad_attrs(struct ctx *c, const char *name)
{
	if (!sf_is_bad(c, name))
		return;
	H(c->p, " aria-invalid=\"true\"");
	HA(c->p, "aria-describedby", arena_printf(c->r->ar, "%s-%s-err",
	    c->form, name));
}

bool
sf_may(struct ctx *c, enum act a)
{
	return app_may(&c->r->who, a, c->v->s.region_id, c->v->s.id);
}

void
sf_form_open(struct ctx *c, const char *word)
{
	H(c->p, "<form method=\"post\"");
	HA(c->p, "action", arena_printf(c->r->ar, "/kelola/%lld/%s",
	    (long long)c->v->s.id, word));
	H(c->p, ">");
	form_csrf(c->r, c->rs);
	c->form = word;
}

/*
 * A field's id: the form's word and the field's name.  Several forms share
 * field names (date, ref, text, echelon); a doubled id would label only
 * the first of them for assistive technology.
 */
struct str
sf_field_id(struct ctx *c, const char *name)
{
	return arena_printf(c->r->ar, "%s-%s", c->form, name);
}

void
sf_input(struct ctx *c, const char *id, const char *label, const char *type,
    struct str value, bool required)
{
	H(c->p, "<label");
	HA(c->p, "for", sf_field_id(c, id));
	H(c->p, ">");
	h_textc(c->p, label);
	H(c->p, "</label>");
	sf_bad_text(c, id);
	H(c->p, "<input");
	HA(c->p, "type", str_c(type));
	HA(c->p, "id", sf_field_id(c, id));
	HA(c->p, "name", str_c(id));
	HA(c->p, "value", sf_shown(c, id, value));
	sf_bad_attrs(c, id);
	if (required)
		H(c->p, " required");
	H(c->p, ">");
}

void
sf_area(struct ctx *c, const char *id, const char *label, struct str value)
{
	H(c->p, "<label");
	HA(c->p, "for", sf_field_id(c, id));
	H(c->p, ">");
	h_textc(c->p, label);
	H(c->p, "</label>");
	sf_bad_text(c, id);
	H(c->p, "<textarea");
	HA(c->p, "id", sf_field_id(c, id));
	HA(c->p, "name", str_c(id));
	sf_bad_attrs(c, id);
	H(c->p, " rows=\"3\">");
	h_text(c->p, sf_shown(c, id, value));
	H(c->p, "</textarea>");
}

void
sf_select(struct ctx *c, const char *id, const char *label,
    const char *const *values, const char *const *labels)
{
	H(c->p, "<label");
	HA(c->p, "for", sf_field_id(c, id));
	H(c->p, ">");
	h_textc(c->p, label);
	H(c->p, "</label>");
	sf_bad_text(c, id);
	H(c->p, "<select");
	HA(c->p, "id", sf_field_id(c, id));
	HA(c->p, "name", str_c(id));
	sf_bad_attrs(c, id);
	H(c->p, ">");
	for (int i = 0; values[i] != NULL; i++) {
		H(c->p, "<option");
		HA(c->p, "value", str_c(values[i]));
		if (sf_refilling(c) && str_eqc(form_get(c->posted, id), values[i]))
			H(c->p, " selected");
		H(c->p, ">");
		h_textc(c->p, labels != NULL ? labels[i] : values[i]);
		H(c->p, "</option>");
	}
	H(c->p, "</select>");
}

void
sf_check(struct ctx *c, const char *name, const char *id, struct str value,
    const char *label, bool on)
{
	H(c->p, "<label class=\"check\"><input type=\"checkbox\"");
	HA(c->p, "name", str_c(name));
	HA(c->p, "id", str_c(id));
	HA(c->p, "value", value);
	if (sf_refilling(c) ? form_has(c->posted, name, value) : on)
		H(c->p, " checked");
	H(c->p, "> ");
	h_textc(c->p, label);
	H(c->p, "</label>");
}

void
sf_submit(struct ctx *c, const char *label)
{
	H(c->p, "<button type=\"submit\">");
	h_textc(c->p, label);
	H(c->p, "</button></form>");
}

void
sf_del_button(struct ctx *c, const char *word, const char *field,
    struct str value, const char *label)
{
	H(c->p, "<form class=\"inline\" method=\"post\"");
	HA(c->p, "action", arena_printf(c->r->ar, "/kelola/%lld/%s",
	    (long long)c->v->s.id, word));
	H(c->p, ">");
	form_csrf(c->r, c->rs);
	H(c->p, "<input type=\"hidden\"");
	HA(c->p, "name", str_c(field));
	HA(c->p, "value", value);
	H(c->p, "><button type=\"submit\">");
	h_textc(c->p, label);
	H(c->p, "</button></form>");
}

bool
sf_editable(struct ctx *c)
{
	return !c->v->published;
}

