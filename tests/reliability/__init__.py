"""Reliability checks shared by the tests in ``tests/reliability`` and ``python -m tests.reliability``.

Each module injects one kind of fault and measures what survives it:

* :mod:`.crash`     SIGKILL an ingest at many points; the published version keeps serving, loses
                    nothing, and the next ingest publishes (``--rollback`` goes back one version).
* :mod:`.badinputs` 20+ malformed knowledge files; each rejected or sanitised, by name and reason.
* :mod:`.traffic`   questions in flight while the index is re-ingested and reloaded.
* :mod:`.load`      200 concurrent ``/ask`` through a simulated Discord, with event-loop lag.
* :mod:`.damage`    26 kinds of index damage x open, reload, ingest, rebuild and rollback.
* :mod:`.hostile`   hostile model replies and questions under an event-loop lag probe; secrets.
* :mod:`.report`    ``python -m tests.reliability`` that runs them all and prints figures.

"""
