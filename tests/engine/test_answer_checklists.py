"""An answer shown from a checklist step says each thing once (fresh users saw "Source: <url>" in
the answer and the same link again under "Sources", and 「出典」 twice in Japanese).

Every step section of every shipped checklist, in both languages, is composed as an answer the way
the engine composes one (bot.engine.answer.compose); no encoder needed.
"""

from __future__ import annotations

import re

import pytest

from bot.engine.answer import compose
from bot.engine.models import Passage
from bot.knowledge.checklists import LABELS, checklist_notes, load_checklists
from bot.knowledge.corpus import split_sections
from bot.knowledge.schema import Note
from tests.conftest import REPO

URL = re.compile(r"https?://[^\s,)>\]]+")


def step_passages() -> list[Passage]:
    """One passage per checklist step section (the sections that carry a step-source line)."""
    checklists, problems = load_checklists(REPO / "knowledge")
    assert checklists and not problems
    out = []
    notes: list[Note] = [n for cl in checklists for n in checklist_notes(cl)]
    for note in notes:
        label = LABELS["step_source"].get(note.meta.lang)
        for heading, text in split_sections(note.body):
            if heading and re.search(rf"^{label}: https?://", text, re.MULTILINE):
                out.append(
                    Passage(
                        chunk_id=f"{note.meta.id}:{heading}",
                        doc_id=note.meta.id,
                        heading=heading,
                        text=text,
                        meta=note.meta,
                    )
                )
    return out


STEPS = step_passages()


def test_the_shipped_checklists_have_step_sections_with_sources() -> None:
    langs = {p.meta.lang for p in STEPS}
    assert len(STEPS) >= 40 and langs == {"en", "ja"}


@pytest.mark.parametrize("passage", STEPS, ids=lambda p: p.chunk_id[:70])
def test_a_step_answer_names_each_page_once_and_links_the_steps_own_page(passage: Passage) -> None:
    lang = passage.meta.lang
    step_urls = list(dict.fromkeys(URL.findall(passage.text.rsplit(LABELS["step_source"].get(lang) + ": ", 1)[1])))
    text, citations = compose(lang, [passage], 1)
    shown = [u for u in URL.findall(text) if u in step_urls] + [c.url for c in citations]
    # every page the step names is shown exactly once: as the citation's link or in one line
    assert sorted(shown) == sorted(step_urls)
    assert citations[0].url == (passage.meta.url if passage.meta.url in step_urls else step_urls[0])
    for key in ("covers", "not_covers", "step_source"):
        line = re.compile(rf"^{re.escape(LABELS[key].get(lang))}: ", re.MULTILINE)
        assert len(line.findall(text)) <= 1
    # the quote behind the citation is the whole section, source line included
    assert LABELS["step_source"].get(lang) + ": " in citations[0].quote


def test_two_step_answers_keep_each_their_own_covers_lines_and_links() -> None:
    by_lang = [p for p in STEPS if p.meta.lang == "en"]
    a, b = next((x, y) for x in by_lang for y in by_lang if x.meta.id != y.meta.id)
    text, citations = compose("en", [a, b], 2)
    assert text.count("Covers: ") == 2 and text.count("Does not cover: ") == 2
    assert [c.n for c in citations] == [1, 2]
    assert all(c.url not in text for c in citations)


def test_two_steps_of_one_checklist_share_a_citation_only_when_they_link_the_same_page() -> None:
    # trial 16: two steps of the X checklist, both from the same Japanese report, were numbered
    # [1] and [2] with one link; steps from different pages keep a citation each
    def page(p: Passage) -> str:
        lang = p.meta.lang
        urls = URL.findall(p.text.rsplit(LABELS["step_source"].get(lang) + ": ", 1)[1])
        return p.meta.url if p.meta.url in urls else urls[0]

    pairs = [(a, b) for a in STEPS for b in STEPS if a.meta.id == b.meta.id and a.heading < b.heading]
    same = next((a, b) for a, b in pairs if page(a) == page(b))
    other = next((a, b) for a, b in pairs if page(a) != page(b))
    _, citations = compose(same[0].meta.lang, list(same), 2)
    assert len(citations) == 1, [c.url for c in citations]
    _, citations = compose(other[0].meta.lang, list(other), 2)
    assert [c.n for c in citations] == [1, 2] and citations[0].url != citations[1].url


def test_a_step_s_other_page_is_named_as_its_note_not_shown_as_a_bare_url() -> None:
    # trial 19: Midjourney's ownership step showed "Source: https://www.copyright.gov/…" beside a
    # citation linking to Midjourney's terms, so the Copyright Office's point seemed to cite them;
    # a page that is a note kenri has is named by its id (the engine writes its title and links it
    # under "See also"); a page that is none stays a URL
    passage = next(p for p in STEPS if p.meta.lang == "en" and "copyright.gov" in p.text and "midjourney" in p.doc_id)
    usco = "https://www.copyright.gov/ai/Copyright-and-Artificial-Intelligence-Part-2-Copyrightability-Report.pdf"
    text, citations = compose("en", [passage], 1, page_ids={usco: "us-usco-ai-part2-copyrightability"})
    assert "Source: us-usco-ai-part2-copyrightability" in text and usco not in text, text
    assert citations[0].url != usco
    text, _ = compose("en", [passage], 1)
    assert f"Source: {usco}" in text


def test_a_step_s_other_page_the_answer_cites_anyway_is_not_named_again() -> None:
    # trial 25: pixiv's "no setting" step ended with 「出典: 「「AI学習禁止」と書くことに…」」 and the
    # same note was the answer's next section, cited [2]
    from dataclasses import replace

    passage = next(p for p in STEPS if p.meta.lang == "en" and "copyright.gov" in p.text and "midjourney" in p.doc_id)
    usco = "https://www.copyright.gov/ai/Copyright-and-Artificial-Intelligence-Part-2-Copyrightability-Report.pdf"
    other = replace(
        passage,
        chunk_id="usco#1",
        doc_id="us-usco-ai-part2-copyrightability",
        text="The Office says prompts alone do not make a user the author.",
        meta=replace(passage.meta, id="us-usco-ai-part2-copyrightability", url=usco, sources=()),
    )
    text, citations = compose("en", [passage, other], 2, page_ids={usco: "us-usco-ai-part2-copyrightability"})
    assert "Source:" not in text, text
    assert [c.url for c in citations][1] == usco


def test_a_step_s_other_page_another_cited_step_links_to_is_not_named_again() -> None:
    # trial 44: the X checklist's settings step ended with 「出典: 「XのGrok学習設定…」」 though the
    # next step, cited [2], linked to that very article
    sbapp = "https://sbapp.net/?p=167697"
    steps = [p for p in STEPS if p.meta.lang == "ja" and p.doc_id.startswith("optout-x-grok")]
    both = next(p for p in steps if sbapp in p.text and "help.x.com" in p.text)
    only = next(p for p in steps if p.text.rstrip().endswith(f"出典: {sbapp}"))
    text, citations = compose("ja", [both, only], 2, page_ids={sbapp: "x-grok-setting-availability"})
    assert [c.url for c in citations] == ["https://help.x.com/en/using-x/about-grok", sbapp]
    assert "出典:" not in text and "x-grok-setting-availability" not in text, text


def test_a_step_linking_to_its_own_note_s_page_shares_that_note_s_citation() -> None:
    # trial 25: the X checklist's step [1] and the press note it is built from [2] both linked to
    # one article; one citation numbers both
    from dataclasses import replace

    sbapp = "https://sbapp.net/?p=167697"
    # (the step whose only link is the press note's page: the setting's own step also links X's help)
    step = next(p for p in STEPS if p.meta.lang == "en" and p.text.rstrip().endswith(f"Source: {sbapp}"))
    note = replace(
        step,
        chunk_id="x-grok-setting-availability#1",
        doc_id="x-grok-setting-availability",
        text="The setting is hidden for accounts with no date of birth, according to reports.",
        meta=replace(
            step.meta,
            id="x-grok-setting-availability",
            url=sbapp,
            publisher="Press reports (SB Apps)",
            sources=(),
            translation_of=None,
        ),
    )
    assert "x-grok-setting-availability" in step.meta.sources
    text, citations = compose("en", [step, note], 2)
    assert len(citations) == 1 and citations[0].url == sbapp, citations
    assert "[2]" not in text and "[1]" in text, text


def test_an_overview_sharing_its_source_s_page_is_cited_as_itself() -> None:
    # fresh-user check 67: the opt-out overview, built from the DSM Directive's note and linking to
    # the same EUR-Lex page, was shown under the Directive's [1] (its list of every platform's
    # switch attributed to the Directive) and appeared in neither citations nor see_also
    from dataclasses import replace

    eurlex = "https://eur-lex.europa.eu/eli/dir/2019/790/oj"
    # (two non-checklist notes made from a checklist step: the Directive, and an overview built from it)
    step = STEPS[0]
    law = replace(
        step,
        chunk_id="eu-dsm#1",
        doc_id="eu-dsm",
        text="Article 4(3) lets you reserve.",
        meta=replace(step.meta, id="eu-dsm", url=eurlex, type="law", sources=(), translation_of=None),
    )
    overview = replace(
        law,
        chunk_id="overview#1",
        doc_id="overview",
        text="There is no single switch: robots.txt, platform settings, registries.",
        meta=replace(law.meta, id="overview", type="overview", sources=("eu-dsm",)),
    )
    text, citations = compose("en", [law, overview], 2)
    assert [c.source_id for c in citations] == ["eu-dsm", "overview"], citations
    assert "[1]" in text and "[2]" in text, text
