"""A saved web article is typeset as the article: site lists left out (and said), markdown
rendered rather than printed literally."""

from __future__ import annotations

from pathlib import Path

from dossier.export.article_text import markup, without_site_lists


def test_the_sites_list_of_other_headlines_is_left_out_and_named(corpus: Path) -> None:
    text = (corpus / "articles" / "interpol-rejects-kyrgyz-request-tukhvatshin.txt").read_text()
    article = without_site_lists(text)
    assert article.left_out == "Latest news" and article.left_out_lines == 20
    assert "so we rejected this request" in article.text
    assert "CSTO to Appoint" not in article.text


def test_a_list_inside_the_article_is_kept() -> None:
    text = "The platform demands:\n\n— To stop pressure;\n— To ensure access.\n\nRead also\n"
    text += "This is a sentence of the article, not a headline list."
    assert without_site_lists(text).left_out is None


def test_markdown_is_rendered_never_literal() -> None:
    rendered = markup("The **court** ruled in [2015](#) and *again* [here](https://kloop.kg/x).")
    assert rendered == (
        "The <b>court</b> ruled in 2015 and <i>again</i> here (https://kloop.kg/x)."
    )
    assert markup("## Решение суда") == "<b>Решение суда</b>"
    assert markup("a < b & c") == "a &lt; b &amp; c"
