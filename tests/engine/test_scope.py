"""What counts as a question about AI and copyright (bot.engine.scope.is_on_topic)."""

import pytest

from bot.engine.scope import is_on_topic


@pytest.mark.parametrize(
    "question",
    [
        # the protection tools, by what they do: a question about them is about AI training
        "is glazing my uploads still worth it?",
        "does one poisoned image do anything on its own?",
        "should i nightshade my older pieces too?",
        # text and data analysis, the UK's name for mining (the opened nineteenth field set's f1208)
        "イギリスの非商用研究のためのテキスト・データ分析の例外って、出典を示さないといけないの？",
        "does the UK exception for text and data analysis cover my novel?",
        # ... and by its last words alone (the opened thirty-seventh set's f2843)
        "can my site's terms override the uk exception that lets researchers run data analysis on my work?",
        # mining named by its verb (the nineteenth blind set's f1775)
        "can a university that mined my art under the research exception hand the copies to a startup?",
        # robots.txt by its own vocabulary, user agents and Disallow lines (the twenty-fourth set's f2064)
        "my site now has a blanket block on every user agent. am i out of google search too?",
        "i disallowed everything for my gallery folder, is that enough?",
        "全部のユーザーエージェントを拒否したら、検索にも出なくなる？",
        # an AI generator or a generation technique by its name (trial 20: "a song in suno", 「i2iで」)
        "if i make a song in suno can i copyright it in the US?",
        "自分の絵をi2iで丸ごと変換されて販売されてた。訴えられる？",
        "i ran my sketch through controlnet, is the result mine?",
        # "mine" as a verb with its object (the opened fifty-first set's f3697,
        # https://www.afaik.de/urhg-erlaubtkommerzielle-nutzung-deiner-inhalte/)
        "a blog warned that § 44b lets firms mine your site commercially unless you object. does it?",
    ],
)
def test_a_question_about_training_or_its_tools_is_on_topic(question: str) -> None:
    assert is_on_topic(question)


@pytest.mark.parametrize(
    "question",
    [
        "Is it ok to use copyrighted songs in my YouTube video if I credit the artist?",
        "my glass vase cracked in the kiln, can i still sell it?",
        "my browser's user agent string changed after the update, how do i set it back?",
        # ... "mine" as the pronoun
        "my sister says this sketch is hers, but it is mine. how do i prove it?",
    ],
)
def test_a_question_with_no_word_of_ai_is_off_topic(question: str) -> None:
    assert not is_on_topic(question)


@pytest.mark.parametrize(
    ("question", "how_to"),
    [
        ("is there a way to opt out of meta ai?", True),
        ("does meta offer me a way to opt out?", True),  # offered to the asker
        ("how do i keep my art out of sora?", True),
        # a way a company offered others is news about it (the opened forty-fifth set's f3340 was led
        # by Sora's rights-holder steps, not the report of who was contacted before launch)
        ("before sora 2 launched, did openai offer studios a way to opt their stuff out?", False),
        ("did they give artists any way to object?", False),
    ],
)
def test_a_way_offered_to_others_is_no_how_to_question(question: str, how_to: bool) -> None:
    from bot.engine.scope import asks_how_to

    assert asks_how_to(question) is how_to
