"""Answers quote note sections; hard-wrapped note lines must read as one paragraph in Discord."""

from __future__ import annotations

import pytest

from bot.engine.chunking import unwrap_markdown


@pytest.mark.parametrize(
    ("text", "unwrapped"),
    [
        # a sentence wrapped before a year is not a numbered list (CommonMark: only "1." interrupts)
        (
            "Getty won in the judgment of 4 November\n2025. The judge found\ninfringement.",
            "Getty won in the judgment of 4 November 2025. The judge found infringement.",
        ),
        # numbered steps keep their lines; a step's wrapped line joins it
        (
            "Steps:\n\n1. Open settings\n   and click.\n2. Save it.",
            "Steps:\n\n1. Open settings and click.\n2. Save it.",
        ),
        # a list may start right after a paragraph line with "1."
        ("Do this:\n1. first\n2. second", "Do this:\n1. first\n2. second"),
        ("- item one\n  continues\n- item two", "- item one continues\n- item two"),
        # code keeps every line
        ("```\nUser-agent: GPTBot\nDisallow: /\n```", "```\nUser-agent: GPTBot\nDisallow: /\n```"),
        # a code block inside a numbered step keeps its indentation, not on its blank lines
        (
            "1. Add:\n   ```\n   User-agent: GPTBot\n   Disallow: /\n   \n   User-agent: CCBot\n   ```",
            "1. Add:\n   ```\n   User-agent: GPTBot\n   Disallow: /\n\n   User-agent: CCBot\n   ```",
        ),
        # Japanese lines join without a space
        ("日本では\n学習できます。", "日本では学習できます。"),
    ],
)
def test_hard_wrapped_lines_are_joined_and_blocks_kept(text: str, unwrapped: str) -> None:
    assert unwrap_markdown(text) == unwrapped
