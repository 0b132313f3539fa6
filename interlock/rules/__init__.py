"""Detection rules: one file each, the file name is the rule id, the docstring is what a reader sees.

A rule is a function ``(ctx: RuleContext) -> Iterator[Finding]`` registered with :func:`rule`.
Registering two rules under one id is refused. Whatever the rule, a finding whose people or
organisations were tied across records by name alone says so (:func:`~interlock.relations.name_alone_caveat`).
:func:`run_rules` logs each rule's seconds at DEBUG
on the ``interlock.rules`` logger (``bench/detect_scale.py`` reads them).
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from interlock.errors import UsageError
from interlock.findings import Finding
from interlock.graph import Graph
from interlock.relations import name_alone_caveat
from interlock.store import Store


@dataclass
class Params:
    max_evidence: int = 10
    max_context: int = 3


@dataclass
class RuleContext:
    graph: Graph
    store: Store
    params: Params = field(default_factory=Params)


RuleFunc = Callable[[RuleContext], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    func: RuleFunc
    doc: str


RULES: dict[str, Rule] = {}
log = logging.getLogger(__name__)


def rule(id: str, severity: str) -> Callable[[RuleFunc], RuleFunc]:
    def register(func: RuleFunc) -> RuleFunc:
        if id in RULES:
            raise ValueError(f"rule {id!r} registered twice")
        module = importlib.import_module(func.__module__)
        RULES[id] = Rule(id, severity, func, (module.__doc__ or func.__doc__ or "").strip())
        return func

    return register


def load_rules() -> dict[str, Rule]:
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
    return RULES


def run_rules(graph: Graph, store: Store, only: str | None = None, params: Params | None = None) -> list[Finding]:
    rules = load_rules()
    if only and only not in rules:
        raise UsageError(f"unknown rule {only!r}; rules: {', '.join(sorted(rules))}")
    ctx = RuleContext(graph, store, params or Params())
    findings: dict[str, Finding] = {}
    for rid in sorted(rules):
        if only and rid != only:
            continue
        started = time.perf_counter()
        for finding in rules[rid].func(ctx):
            if finding.id not in findings:
                name_alone_caveat(graph, finding, store)
                findings[finding.id] = finding
        log.debug("rule %s took %.3f s", rid, time.perf_counter() - started)
    return list(findings.values())
