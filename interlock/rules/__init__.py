"""Detection rules: one file each, the file name is the rule id, the docstring is what a reader sees.

A rule is a function ``(ctx: RuleContext) -> Iterator[Finding]`` registered with :func:`rule`.
Registering two rules under one id is refused.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from interlock.errors import UsageError
from interlock.findings import Finding
from interlock.graph import Graph
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
        for finding in rules[rid].func(ctx):
            findings.setdefault(finding.id, finding)
    return list(findings.values())
