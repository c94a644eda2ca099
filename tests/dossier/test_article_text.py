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


SAFE = (
    "https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fkloop.kg%2Fblog%2F2025"
    "%2F10%2F30%2Fruling%2F&data=05%7C02%7Csomeone%40ngo.org%7C9f&sdata=abc%3D&reserved=0"
)


def test_tracking_links_are_shown_as_the_address_they_lead_to() -> None:
    from dossier.export.article_text import tidy_links

    tidied = tidy_links(f"The ruling was reported ({SAFE}) the same day.")
    assert tidied.text == (
        "The ruling was reported (https://kloop.kg/blog/2025/10/30/ruling/) the same day."
    )
    assert tidied.unwrapped == 1
    google = "https://www.google.com/url?q=https://24.kg/news/1&sa=D&source=editors"
    assert tidy_links(google).text == "https://24.kg/news/1"


def test_a_long_run_of_bare_addresses_becomes_one_paragraph() -> None:
    from dossier.export.article_text import tidy_links

    footer = "\n".join(f"https://example.org/item/{n}" for n in range(1, 31))
    tidied = tidy_links(f"The statement ends here.\n{footer}\nSigned.")
    lines = tidied.text.split("\n")
    assert lines[0] == "The statement ends here." and lines[-1] == "Signed."
    assert len(lines) == 3 and lines[1].count(" · ") == 29 and tidied.folded == 30
    short = "https://a.org/1\nhttps://a.org/2"
    assert tidy_links(short).text == short  # two addresses stay as they are
