"""kenri sources watch / accept against a local site: what a maintainer relies on.

Every status (changed, unchanged, new, moved, gone, unreachable, blocked), the exit codes cron
and CI read, politeness (robots.txt, one request per host at a time, User-Agent, 429 and
Retry-After, conditional GET), and that accept changes only the fingerprint line and the
note's verified: line.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main as kenri
from bot.sources import fingerprints as fp
from bot.sources.fetch import PoliteFetcher
from bot.sources.notes import load_notes
from bot.sources.watch import accept, watch
from tests.conftest import REPO
from tests.sources.conftest import write_note
from tests.sources.server import LocalSite

CHANGED = "ExampleBot now also collects pages behind a login when the site owner has not opted out."


def _watch_json(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict]:
    capsys.readouterr()
    rc = kenri(["sources", "watch", "--json", "--delay", "0", "--timeout", "2", *extra])
    return rc, json.loads(capsys.readouterr().out)


def _by_id(report: dict) -> dict[str, dict]:
    return {r["id"]: r for r in report["results"]}


def test_new_then_accept_then_boilerplate_rotation_is_unchanged(
    site: LocalSite, kdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_note(kdir, "example-a", f"{site.base}/page/a")
    rc, report = _watch_json(capsys)
    assert rc == 1 and _by_id(report)["example-a"]["status"] == "new"
    assert kenri(["sources", "accept", "example-a", "--delay", "0"]) == 0
    # Every fetch gets different navigation, sidebar, cookie banner and footer time.
    for _ in range(3):
        rc, report = _watch_json(capsys)
        assert rc == 0, report
        assert _by_id(report)["example-a"]["status"] == "unchanged"


def test_changed_main_text_is_reported_with_a_diff_and_exit_1(
    site: LocalSite, kdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_note(kdir, "example-a", f"{site.base}/page/a")
    write_note(kdir, "example-b", f"{site.base}/page/b")
    assert kenri(["sources", "accept", "example-a", "example-b", "--delay", "0"]) == 0
    old = site.state.article("a").split("\n")
    site.state.articles["a"] = "\n".join([old[0], CHANGED, old[2]])
    rc, report = _watch_json(capsys)
    results = _by_id(report)
    assert rc == 1
    assert results["example-a"]["status"] == "changed"
    assert "+" + CHANGED in results["example-a"]["diff"]
    assert "-ExampleBot does not collect pages behind a login" in results["example-a"]["diff"]
    assert results["example-b"]["status"] == "unchanged"
    # The text report shows the same, for a maintainer reading cron mail.
    capsys.readouterr()
    assert kenri(["sources", "watch", "--delay", "0"]) == 1
    out = capsys.readouterr().out
    assert "changed     example-a" in out and CHANGED in out and "example-b" not in out


def test_one_word_change_is_reported(site: LocalSite, kdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_note(kdir, "example-a", f"{site.base}/page/a")
    assert kenri(["sources", "accept", "example-a", "--delay", "0"]) == 0
    site.state.articles["a"] = site.state.article("a").replace("within about a day", "within about a week")
    rc, report = _watch_json(capsys)
    assert rc == 1 and report["results"][0]["status"] == "changed"
    # The edit is marked in place, with a little context, not as two whole paragraphs.
    assert (
        report["results"][0]["diff"]
        == "~…takes effect within about a [-day,-]{+week,+} once ExampleBot reads the file…"
    )


def test_moved_gone_and_temporary_redirects(site: LocalSite, kdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_note(kdir, "moved", f"{site.base}/redirect/m")
    write_note(kdir, "temporary", f"{site.base}/temp/t")
    write_note(kdir, "gone-404", f"{site.base}/gone")
    write_note(kdir, "gone-410", f"{site.base}/deleted")
    assert kenri(["sources", "accept", "temporary", "--delay", "0"]) == 0
    rc, report = _watch_json(capsys)
    r = _by_id(report)
    assert rc == 1
    assert r["moved"]["status"] == "moved" and r["moved"]["final_url"] == f"{site.base}/page/m"
    assert "301" in r["moved"]["detail"]
    assert r["temporary"]["status"] == "unchanged"  # a 302 is not a move
    assert r["gone-404"]["status"] == "gone" and r["gone-404"]["http_status"] == 404
    assert r["gone-410"]["status"] == "gone" and r["gone-410"]["http_status"] == 410


def test_conditional_get_304_is_unchanged(site: LocalSite, kdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_note(kdir, "tagged", f"{site.base}/etag/e")
    assert kenri(["sources", "accept", "tagged", "--delay", "0"]) == 0
    line = (kdir / "fingerprints.tsv").read_text().splitlines()[1]
    assert line.split("\t")[3].startswith('"')  # the ETag was stored
    rc, report = _watch_json(capsys)
    assert rc == 0 and report["results"][0]["http_status"] == 304
    site.state.articles["e"] = CHANGED  # a new ETag: the full page is fetched and compared
    rc, report = _watch_json(capsys)
    assert rc == 1 and report["results"][0]["status"] == "changed"


def test_errors_exit_2_and_name_the_reason(site: LocalSite, kdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site.state.slow_seconds = 4
    write_note(kdir, "slow", f"{site.base}/slow")
    write_note(kdir, "private", f"{site.base}/private/p")
    write_note(kdir, "throttled", f"{site.base}/throttled")
    write_note(kdir, "fine", f"{site.base}/page/f")
    rc, report = _watch_json(capsys, "--timeout", "0.5")
    r = _by_id(report)
    assert rc == 2
    assert r["slow"]["status"] == "unreachable" and "timed out" in r["slow"]["detail"]
    assert r["private"]["status"] == "blocked" and "robots.txt" in r["private"]["detail"]
    assert r["throttled"]["status"] == "unreachable" and "429" in r["throttled"]["detail"]
    assert r["fine"]["status"] == "new"
    assert not any(path.startswith("/private/") for path, _ in site.state.requests)


def test_unreachable_host(kdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    write_note(kdir, "nowhere", f"http://127.0.0.1:{port}/page")
    rc, report = _watch_json(capsys)
    assert rc == 2
    assert report["results"][0]["status"] == "unreachable"
    assert "robots.txt unavailable" in report["results"][0]["detail"]


def test_robots_txt_server_error_means_disallow_all(
    site: LocalSite, kdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site.state.robots = ""  # served as 503 below
    site.state.robots_status = 503
    write_note(kdir, "fine", f"{site.base}/page/f")
    rc, report = _watch_json(capsys)
    assert rc == 2 and "robots.txt answered HTTP 503" in report["results"][0]["detail"]
    assert [p for p, _ in site.state.requests] == ["/robots.txt"]


def test_429_with_retry_after_is_retried_once(site: LocalSite, kdir: Path) -> None:
    write_note(kdir, "busy", f"{site.base}/busy")
    notes, _ = load_notes(kdir)
    slept: list[float] = []
    with PoliteFetcher(delay=0, sleep=slept.append) as fetcher:
        [result] = watch(notes, {}, fetcher, kdir.parent / "cache")
    assert result.status == "new"
    assert 1.0 in slept  # waited as long as Retry-After asked
    assert [p for p, _ in site.state.requests].count("/busy") == 2


def test_pdf_source(site: LocalSite, kdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_note(kdir, "report", f"{site.base}/doc.pdf")
    assert kenri(["sources", "accept", "report", "--delay", "0"]) == 0
    rc, _ = _watch_json(capsys)
    assert rc == 0
    site.state.pdf_text = "Example report: training data now includes public web pages."
    rc, report = _watch_json(capsys)
    assert rc == 1 and "includes public web pages" in report["results"][0]["diff"]


def test_one_request_per_host_at_a_time_and_a_kenri_user_agent(site: LocalSite, kdir: Path) -> None:
    for i in range(12):
        write_note(kdir, f"page-{i}", f"{site.base}/page/p{i}")
    notes, _ = load_notes(kdir)
    with PoliteFetcher(delay=0.01) as fetcher:
        results = watch(notes, {}, fetcher, kdir.parent / "cache", workers=8)
    assert {r.status for r in results} == {"new"}
    assert site.state.max_active == 1
    agents = {ua for _, ua in site.state.requests}
    assert len(agents) == 1 and "kenri" in agents.pop()
    assert [p for p, _ in site.state.requests].count("/robots.txt") == 1


def test_accept_changes_only_the_verified_line_and_one_fingerprint_line(site: LocalSite, kdir: Path) -> None:
    a = write_note(
        kdir,
        "alpha",
        f"{site.base}/page/a",
        extra="checked: primary  # read on its own page\n",
        newline="\r\n",
    )
    b = write_note(kdir, "beta", f"{site.base}/page/b", verified="'2026-02-01'  # quoted")
    before_a, before_b = a.read_bytes(), b.read_bytes()
    notes, problems = load_notes(kdir)
    assert problems == []
    today = dt.date(2026, 11, 30)
    with PoliteFetcher(delay=0) as fetcher:
        accept(notes, kdir / "fingerprints.tsv", fetcher, kdir.parent / "cache", today=today)
    assert a.read_bytes() == before_a.replace(b"verified: 2026-01-15", b"verified: 2026-11-30")
    assert b.read_bytes() == before_b.replace(b"'2026-02-01'", b"'2026-11-30'")
    lines = (kdir / "fingerprints.tsv").read_text().splitlines()
    assert lines[0].startswith("# id\tsha256") and [ln.split("\t")[0] for ln in lines[1:]] == [
        "alpha",
        "beta",
    ]
    first = (kdir / "fingerprints.tsv").read_text()
    site.state.articles["b"] = CHANGED
    with PoliteFetcher(delay=0) as fetcher:
        accept(
            [n for n in notes if n.id == "beta"],
            kdir / "fingerprints.tsv",
            fetcher,
            kdir.parent / "cache",
            today=today,
        )
    second = (kdir / "fingerprints.tsv").read_text()
    assert first.splitlines()[:2] == second.splitlines()[:2] and first != second  # only beta's line moved


def test_accept_is_all_or_nothing(site: LocalSite, kdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    note = write_note(kdir, "fine", f"{site.base}/page/f")
    write_note(kdir, "gone", f"{site.base}/gone")
    before = note.read_bytes()
    assert kenri(["sources", "accept", "fine", "gone", "--delay", "0"]) == 2
    assert "gone" in capsys.readouterr().err
    assert note.read_bytes() == before and not (kdir / "fingerprints.tsv").exists()


def test_accept_new_records_baselines_without_touching_verified(
    site: LocalSite, kdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = write_note(kdir, "fine", f"{site.base}/page/f")
    before = note.read_bytes()
    assert kenri(["sources", "accept", "--new", "--delay", "0"]) == 0
    assert note.read_bytes() == before
    rc, _ = _watch_json(capsys)
    assert rc == 0


def test_unknown_id_and_broken_fingerprints_file_are_clear_errors(
    site: LocalSite, kdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_note(kdir, "fine", f"{site.base}/page/f")
    assert kenri(["sources", "watch", "--id", "nope"]) == 2
    assert "no note with id 'nope'" in capsys.readouterr().err
    (kdir / "fingerprints.tsv").write_text("# header\nfine\tnot-a-hash\t2026-11-30\t\t\t\n")
    assert kenri(["sources", "watch"]) == 2
    err = capsys.readouterr().err
    assert "fingerprints.tsv:2" in err and "sha256" in err


def test_watch_loads_no_numpy_langchain_or_chroma(site: LocalSite, kdir: Path) -> None:
    write_note(kdir, "fine", f"{site.base}/page/f")
    code = (
        "import sys\nfrom bot.cli import main\nrc = main(['sources', 'watch', '--json', '--delay', '0'])\n"
        "heavy = [m for m in ('numpy', 'langchain_core', 'chromadb', 'torch', 'discord')\n"
        "         if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy), 'RC=%d' % rc)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        env={**__import__("os").environ},
    )
    assert "HEAVY= RC=1" in out.stdout, out.stderr[-2000:]


def test_stale_lists_oldest_first_with_how_each_was_checked(kdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    today = dt.date.today()
    write_note(
        kdir,
        "old",
        "https://example.com/old",
        verified=(today - dt.timedelta(days=400)).isoformat(),
        extra="checked: reports\n",
    )
    write_note(kdir, "middle", "https://example.com/mid", verified=(today - dt.timedelta(days=200)).isoformat())
    write_note(kdir, "fresh", "https://example.com/new", verified=today.isoformat(), extra="checked: primary\n")
    assert kenri(["sources", "--stale", "90", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["age_days"], r["checked"]) for r in rows] == [
        ("old", 400, "reports"),
        ("middle", 200, None),
    ]
    assert kenri(["sources", "--stale", "0"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert ["reports" in out[0], "old" in out[0], "middle" in out[1], "primary" in out[2]] == [True] * 4
    with pytest.raises(SystemExit):
        kenri(["sources", "--stale", "soon"])
    assert "DAYS must be a whole number" in capsys.readouterr().err


def test_fingerprints_file_round_trips_sorted(tmp_path: Path) -> None:
    path = tmp_path / "fingerprints.tsv"
    recs = {i: fp.Fingerprint(i, "a" * 64, "2026-11-30", 'W/"x\ty"', "", "https://e.com") for i in ("zeta", "alpha")}
    fp.save(path, recs)
    assert [ln.split("\t")[0] for ln in path.read_text().splitlines()[1:]] == ["alpha", "zeta"]
    assert fp.load(path)["alpha"].etag == 'W/"x y"'  # a tab can never split a record
    path.write_text(path.read_text() + path.read_text().splitlines()[1] + "\n")
    with pytest.raises(fp.FingerprintFileError, match=r"fingerprints\.tsv:4: duplicate id 'alpha'"):
        fp.load(path)


def test_widgets_inside_the_article_are_not_a_change(site: LocalSite, kdir: Path, capsys) -> None:
    write_note(kdir, "rich", f"{site.base}/rich/r")
    assert kenri(["sources", "accept", "rich", "--delay", "0"]) == 0
    for _ in range(3):  # share counts, "updated N hours ago" and related stories rotate
        rc, report = _watch_json(capsys)
        assert rc == 0, report
    site.state.articles["r"] = site.state.article("r").replace("ten working days", "five working days")
    rc, report = _watch_json(capsys)
    assert rc == 1 and report["results"][0]["diff"] == "~…form; the team answers within [-ten-]{+five+} working days."


def test_accept_of_a_moved_page_warns_to_update_the_url(site: LocalSite, kdir: Path, capsys) -> None:
    write_note(kdir, "moved", f"{site.base}/redirect/m")
    assert kenri(["sources", "accept", "moved", "--delay", "0"]) == 0
    out = capsys.readouterr().out
    assert f"warning: {site.base}/redirect/m redirects to {site.base}/page/m: update the note's url" in out
    rc, report = _watch_json(capsys)  # still reported until the note's url is fixed
    assert rc == 1 and report["results"][0]["status"] == "moved"


def test_accept_refuses_a_verified_field_it_cannot_rewrite(site: LocalSite, kdir: Path, capsys) -> None:
    note = write_note(kdir, "folded", f"{site.base}/page/f", verified=">-\n  2026-01-15")
    before = note.read_bytes()
    assert kenri(["sources", "accept", "folded", "--delay", "0"]) == 2
    assert "write `verified: YYYY-MM-DD` on one line" in capsys.readouterr().err
    assert note.read_bytes() == before and not (kdir / "fingerprints.tsv").exists()


def test_stale_lists_the_opt_out_checklists_too(capsys: pytest.CaptureFixture[str]) -> None:
    """Checklists carry their own `verified:` date: they age like notes and are listed once each."""
    assert kenri(["sources", "--stale", "0", "--json"]) == 0
    ids = [r["id"] for r in json.loads(capsys.readouterr().out)]
    assert "optout-openai" in ids and "optout-openai-ja" not in ids
