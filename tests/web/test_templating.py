"""Templates are compiled once per language with constant `_()` calls already translated:
every page must come out exactly as Jinja's own newstyle gettext would render it."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from mutualaid import i18n
from mutualaid.web.templating import TEMPLATES_DIR, build_templates

#: Sources that exercise each case the folding must get right.
SOURCES = {
    "plain": '{{ _("Quick exit") }}',
    "in an attribute": "<nav aria-label=\"{{ _('Main') }}\"></nav>",
    "as a macro argument": (
        '{% macro m(label) %}<b>{{ label }}</b>{% endmacro %}{{ m(_("Ask for help")) }}'
    ),
    "in an expression": '{{ _("Ask for help") if yes else _("Offer help") }}',
    "with a value (left to render time)": '{{ _("Signed in as %(name)s.", name=who) }}',
    "a percent sign": '{{ _("100%% yours") }}',
    "markup in the text": '{{ _("<b>bold</b> & more") }}',
    "a title block": '{% block title %}{{ _("Mutual aid") }}{% endblock %}',
}


def _runtime_environment() -> jinja2.Environment:
    """Jinja's i18n extension as it comes: every `_()` translated at render time."""
    env = jinja2.Environment(
        autoescape=True, extensions=["jinja2.ext.i18n"], undefined=jinja2.StrictUndefined
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=i18n.gettext, ngettext=i18n.ngettext, newstyle=True
    )
    return env


@pytest.mark.parametrize("language", list(i18n.LANGUAGES))
@pytest.mark.parametrize("case", list(SOURCES))
def test_folded_translations_render_as_jinja_would(language: str, case: str) -> None:
    folded = build_templates()[language].env
    context = {"yes": True, "who": "<Sam>"}
    token = i18n.use_language(language)
    try:
        expected = _runtime_environment().from_string(SOURCES[case]).render(context)
        assert folded.from_string(SOURCES[case]).render(context) == expected
    finally:
        i18n.reset_language(token)


def test_constant_texts_are_compiled_in_and_values_are_not() -> None:
    env = build_templates()["es"].env
    code = env.compile('{{ _("Quick exit") }}{{ _("Signed in as %(name)s.", name=who) }}', raw=True)
    assert i18n.translations("es").gettext("Quick exit") in code
    assert "Quick exit" not in code
    assert "Signed in as" in code  # translated when rendered, with its value


@pytest.mark.parametrize("language", list(i18n.LANGUAGES))
def test_every_template_compiles_in_every_language(language: str) -> None:
    env = build_templates()[language].env
    names = [str(p.relative_to(TEMPLATES_DIR)) for p in Path(TEMPLATES_DIR).rglob("*.html")]
    assert len(names) > 50
    for name in names:
        env.get_template(name)
