"""The mbox splitter on awkward files: CRLF, no newline at the end, lines longer than its read size,
messages over the limit, text before the first ``From`` line."""

from __future__ import annotations

from pathlib import Path

import pytest

from interlock.ingest.mbox import iter_mbox, split_mbox


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "box.mbox"
    path.write_bytes(data)
    return path


def test_crlf_file_splits_like_lf(tmp_path: Path) -> None:
    lf = b"From a\nSubject: 1\n\nbody one\n\nFrom b\nSubject: 2\n\nbody two\n"
    crlf = lf.replace(b"\n", b"\r\n")
    assert [r for _, r in iter_mbox(write(tmp_path, crlf))] == [r.replace(b"\n", b"\r\n") for _, r in iter_mbox(write(tmp_path, lf))]
    assert [o for o, _ in iter_mbox(write(tmp_path, crlf))] == [0, len(b"From a\r\nSubject: 1\r\n\r\nbody one\r\n\r\n")]


def test_no_newline_at_the_end_keeps_the_last_line(tmp_path: Path) -> None:
    raws = [r for _, r in iter_mbox(write(tmp_path, b"From a\nSubject: 1\n\nlast line"))]
    assert raws == [b"Subject: 1\n\nlast line"]


def test_a_from_line_inside_a_paragraph_is_not_a_separator(tmp_path: Path) -> None:
    raws = [r for _, r in iter_mbox(write(tmp_path, b"From a\nSubject: 1\n\nline\nFrom here on\n"))]
    assert raws == [b"Subject: 1\n\nline\nFrom here on\n"]


def test_text_before_the_first_separator_is_a_message_at_offset_0(tmp_path: Path) -> None:
    assert list(iter_mbox(write(tmp_path, b"Subject: x\n\nbody\n\nFrom a\nSubject: y\n\nz\n"))) == [
        (0, b"Subject: x\n\nbody\n\n"), (len(b"Subject: x\n\nbody\n\n"), b"Subject: y\n\nz\n")]


def test_huge_lines_are_read_in_pieces_and_kept_whole(tmp_path: Path) -> None:
    long_line = b"x" * 100 + b"\n"
    # a piece of a long line that happens to end right before "From " is not a line start
    tricky = b"y" * 15 + b"\n" + b"\n" + b"z" * 16 + b"From not a separator\n"
    data = b"From " + b"s" * 40 + b"\n" + long_line + b"\n" + tricky + b"\nFrom b\nbody\n"
    entries = list(split_mbox(write(tmp_path, data), chunk=16))
    assert [e.raw for e in entries] == [long_line + b"\n" + tricky + b"\n", b"body\n"]
    assert entries[1].offset == data.index(b"From b")


@pytest.mark.parametrize("size, kept", [(100, True), (101, False)])
def test_a_message_over_the_limit_is_counted_not_kept(tmp_path: Path, size: int, kept: bool) -> None:
    body = b"x" * (size - 1) + b"\n"
    entries = list(split_mbox(write(tmp_path, b"From a\n" + body + b"\nFrom b\nok\n"), limit=101))
    first = entries[0]
    assert first.size == size + 1 and (first.raw == body + b"\n") == kept and (first.raw is None) != kept
    assert entries[1].raw == b"ok\n"
