"""Safe loading: YAML 1.2 scalars, refusals with quote hints, limits and the source map."""

from __future__ import annotations

import codecs
import copy
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from reconciler.errors import ManifestError
from reconciler.yamlload import DEFAULT_LIMITS, Document, Limits, format_path, parse, read


def load(text: str | bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse(data, "m.yaml", limits)


def value(text: str) -> Any:
    return load(f"v: {text}\n").data["v"]


def problems(text: str | bytes, limits: Limits = DEFAULT_LIMITS) -> list[str]:
    with pytest.raises(ManifestError) as caught:
        load(text, limits)
    return [d.format() for d in caught.value.diagnostics]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:16", "9:16"),  # YAML 1.1 reads sexagesimal 9:16 as 556
        ("1:30", "1:30"),
        ("16:9", "16:9"),
        ("2024-01-01", "2024-01-01"),  # no timestamps
        ("0o17", 15),
        ("0x1F", 31),
        ("17", 17),
        ("-3", -3),
        ("+4", 4),
        ("0", 0),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        (".5", 0.5),
        ("true", True),
        ("False", False),
        ("TRUE", True),
        ("tRuE", "tRuE"),
        ("~", None),
        ("null", None),
        ("NULL", None),
        ("", None),
        ("'on'", "on"),
        ('"017"', "017"),
        ("'9:16'", "9:16"),
        ("=", "="),
        ("nothing", "nothing"),
        ("offset", "offset"),
        ("Yesterday", "Yesterday"),
        ("!!str 5", "5"),
        ("!!int '5'", 5),
        ("!!float 1", 1.0),
        ("!!bool true", True),
        ("!!null ''", None),
    ],
)
def test_scalars_are_read_as_yaml_1_2_reads_them(text: str, expected: Any) -> None:
    got = value(text)
    assert got == expected
    assert type(got) is type(expected)


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "On", "oFF"])
def test_yaml_1_1_booleans_are_refused_with_a_quote_hint(word: str) -> None:
    assert problems(f"v: {word}\n") == [
        f'm.yaml:1:4: v: "{word}" is ambiguous: a boolean in YAML 1.1, text in YAML 1.2 '
        f"(quote it: '{word}', or write true or false)"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "017",
            "\"017\" is ambiguous: octal in YAML 1.1, decimal in YAML 1.2 (quote it: '017', "
            "or write the number without leading zeros)",
        ),
        (
            "08",
            "\"08\" is ambiguous: octal in YAML 1.1, decimal in YAML 1.2 (quote it: '08', "
            "or write the number without leading zeros)",
        ),
        (
            "1_000",
            "\"1_000\" is ambiguous: a number in YAML 1.1, text in YAML 1.2 (quote it: '1_000', "
            "or write the number with digits only)",
        ),
        (
            "0b101",
            "\"0b101\" is ambiguous: a number in YAML 1.1, text in YAML 1.2 (quote it: '0b101', "
            "or write the number with digits only)",
        ),
        (
            "-0x1F",
            "\"-0x1F\" is ambiguous: a number in YAML 1.1, text in YAML 1.2 (quote it: '-0x1F', "
            "or write the number with digits only)",
        ),
        (".inf", "\".inf\" is not a finite number, which JSON cannot hold (quote it: '.inf')"),
        ("-.Inf", "\"-.Inf\" is not a finite number, which JSON cannot hold (quote it: '-.Inf')"),
        (".NaN", "\".NaN\" is not a finite number, which JSON cannot hold (quote it: '.NaN')"),
        ("!!int x", '"x" is not a valid !!int (remove the tag or fix the value)'),
    ],
)
def test_ambiguous_numbers_are_refused(text: str, message: str) -> None:
    assert problems(f"v: {text}\n") == [f"m.yaml:1:4: v: {message}"]


def test_every_refusal_of_a_file_is_reported_at_once() -> None:
    assert problems("a: on\nb:\n  - 017\n  - ok\n  - .nan\n") == [
        'm.yaml:1:4: a: "on" is ambiguous: a boolean in YAML 1.1, text in YAML 1.2 '
        "(quote it: 'on', or write true or false)",
        'm.yaml:3:5: b[0]: "017" is ambiguous: octal in YAML 1.1, decimal in YAML 1.2 '
        "(quote it: '017', or write the number without leading zeros)",
        'm.yaml:5:5: b[2]: ".nan" is not a finite number, which JSON cannot hold '
        "(quote it: '.nan')",
    ]


def test_duplicate_keys_name_both_lines() -> None:
    assert problems("creatives:\n  hero:\n    prompt: a\n    type: x\n    prompt: b\n") == [
        'm.yaml:5:5: creatives.hero.prompt: duplicate key "prompt": already defined on line 3 '
        "(keep one of them)"
    ]


def test_quoted_and_plain_spellings_of_a_key_are_the_same_key() -> None:
    assert problems("a: 1\n'a': 2\n") == [
        'm.yaml:2:1: a: duplicate key "a": already defined on line 1 (keep one of them)'
    ]


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("!!python/object/apply:os.system [echo hi]", "!!python/object/apply:os.system"),
        ("!!python/name:os.system ''", "!!python/name:os.system"),
        ("!secret value", "!secret"),
        ("!!binary aGk=", "!!binary"),
        ("!!timestamp 2024-01-01", "!!timestamp"),
        ("!!set {a: null}", "!!set"),
        ("!!omap [a: 1]", "!!omap"),
    ],
)
def test_only_plain_data_tags_are_allowed(text: str, tag: str) -> None:
    assert problems(f"v: {text}\n") == [
        f"m.yaml:1:4: v: tag {tag} is not allowed "
        "(manifests hold plain data: text, numbers, true/false, lists and mappings)"
    ]


def test_keys_must_be_text() -> None:
    assert problems("1: a\nnull: b\n? [x]\n: c\n") == [
        "m.yaml:1:1: 1: key 1 is not text (quote it: '1')",
        "m.yaml:2:1: null: key null is not text (quote it: 'null')",
        "m.yaml:3:3: a key must be text, not a list or mapping",
    ]


def test_keys_are_typed_like_values_whatever_letter_they_start_with() -> None:
    # Keys starting with a letter that could begin a typed scalar (t, n, y, o...) take the
    # cached path; an ambiguous one is still refused, a plain one is text.
    assert load("type: a\nnote: b\n-x: c\n").data == {"type": "a", "note": "b", "-x": "c"}
    for _ in range(2):  # the second time from the cache
        assert problems("on: a\ntrue: b\n") == [
            'm.yaml:1:1: on: "on" is ambiguous: a boolean in YAML 1.1, text in YAML 1.2 '
            "(quote it: 'on', or write true or false)",
            "m.yaml:2:1: true: key true is not text (quote it: 'true')",
        ]


def test_merge_keys_are_refused() -> None:
    assert problems("base: &b {x: 1}\nc:\n  <<: *b\n") == [
        'm.yaml:3:3: c["<<"]: merge keys (<<) are YAML 1.1 only '
        "(repeat the fields, or use defaults)"
    ]


def test_an_alias_bomb_is_refused_quickly() -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        name, previous = chr(97 + i), chr(96 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    started = time.perf_counter()
    found = problems("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 1.0
    assert len(found) == 1
    assert found[0].endswith(
        "aliases expand to more than 10,000 nodes "
        "(write the values out instead of nesting aliases)"
    )


def test_a_few_aliases_are_fine_and_expand_to_copies() -> None:
    doc = load("urls: &u [https://a.example/x.png]\nmore: *u\n")
    assert doc.data == {"urls": ["https://a.example/x.png"], "more": ["https://a.example/x.png"]}
    assert doc.data["urls"] is not doc.data["more"]


def test_the_alias_budget_is_configurable() -> None:
    text = "a: &a [1, 2, 3]\nb: [*a, *a]\n"
    assert load(text, Limits(max_alias_nodes=8)).data["b"] == [[1, 2, 3], [1, 2, 3]]
    assert problems(text, Limits(max_alias_nodes=7)) == [
        "m.yaml:1:14: b[1][2]: aliases expand to more than 7 nodes "
        "(write the values out instead of nesting aliases)"
    ]


def test_a_recursive_alias_is_refused() -> None:
    assert problems("a: &x\n  b: *x\n") == [
        "m.yaml:1:4: a.b: an alias refers to a node that contains it"
    ]


def test_nesting_is_bounded() -> None:
    deep = "v: " + "[" * 70 + "]" * 70 + "\n"
    assert problems(deep) == [
        "m.yaml:1:67: v" + "[0]" * 63 + ": the document is nested more than 64 levels deep"
    ]
    assert problems("v: " + "[" * 2000 + "]" * 2000 + "\n") == [
        "m.yaml:1:1003: the document is nested too deeply"
    ]


def test_empty_files_say_what_a_manifest_needs() -> None:
    expected = ["m.yaml:1:1: file is empty; a manifest needs `creatives:`"]
    assert problems("") == expected
    assert problems("# only a comment\n\n") == expected
    assert problems("---\n") == expected


def test_a_utf8_bom_and_crlf_line_ends_are_accepted() -> None:
    doc = load(codecs.BOM_UTF8 + b"a: 1\r\nb:\r\n  c: x\r\n")
    assert doc.data == {"a": 1, "b": {"c": "x"}}
    assert doc.locate(("b", "c")) == (3, 6)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (codecs.BOM_UTF16_LE + "a: 1".encode("utf-16-le"), "file is UTF-16 encoded"),
        (codecs.BOM_UTF16_BE + "a: 1".encode("utf-16-be"), "file is UTF-16 encoded"),
        ("a: 1".encode("utf-16-le"), "file looks UTF-16 encoded"),
        ("a: 1".encode("utf-16-be"), "file looks UTF-16 encoded"),
        (codecs.BOM_UTF32_LE + "a: 1".encode("utf-32-le"), "file is UTF-32 encoded"),
    ],
)
def test_other_encodings_are_refused(data: bytes, message: str) -> None:
    assert problems(data) == [f"m.yaml:1:1: {message}; manifests are UTF-8 (save it as UTF-8)"]


def test_bytes_that_are_not_utf8_are_located() -> None:
    assert problems("a: 1\nb: caf\xe9\n".encode("latin-1")) == [
        "m.yaml:2:7: file is not UTF-8 text (byte 0xe9 cannot be decoded) (save it as UTF-8)"
    ]


def test_control_characters_are_located() -> None:
    assert problems("a: 1\nb: x\x00y\n") == [
        "m.yaml:2:5: control character U+0000 is not allowed in YAML "
        "(is this a binary file? remove the character)"
    ]


def test_tabs_used_for_indentation_are_named() -> None:
    expected = "a tab indents this line; YAML indents with spaces (use spaces)"
    assert problems("a:\n\tb: 1\n") == [f"m.yaml:2:1: {expected}"]
    assert problems("a:\n  b: 1\n  \tc: 2\n") == [f"m.yaml:3:3: {expected}"]
    # A tab inside a value or after a colon is not indentation.
    assert load("a:\tb\tc\n").data == {"a": "b\tc"}


def test_syntax_errors_are_explained_with_their_position() -> None:
    assert problems("prompt: Hook: fast cuts\n") == [
        'm.yaml:1:13: unexpected ":" (a plain value cannot contain ": ") (quote the value)'
    ]
    assert problems("a: 1\n---\nb: 2\n") == [
        "m.yaml:2:1: a second YAML document starts here; a manifest file holds one "
        "(remove the `---` line or split the file)"
    ]
    assert problems("a: *missing\n") == [
        "m.yaml:1:4: unknown alias *missing (define the anchor (&name) before the alias (*name))"
    ]
    assert problems("a: [1, 2\n") == [
        "m.yaml:2:1: invalid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence) (check the indentation and quoting here)"
    ]


def test_read_bounds_the_file_size(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 200 + "\n")
    assert read(path, "big.yaml").data == {"a": "x" * 200}
    with pytest.raises(ManifestError) as caught:
        read(path, "big.yaml", Limits(max_bytes=100))
    assert [d.format() for d in caught.value.diagnostics] == [
        "big.yaml:1:1: file is larger than 100 bytes, the limit for a manifest "
        "(split it into several files)"
    ]


def test_read_reports_a_file_it_cannot_open(tmp_path: Path) -> None:
    with pytest.raises(ManifestError) as caught:
        read(tmp_path, "dir.yaml")
    assert [d.format() for d in caught.value.diagnostics] == [
        "dir.yaml:1:1: cannot read the file: Is a directory"
    ]


def test_the_source_map_locates_values_keys_and_missing_paths() -> None:
    doc = load(
        "creatives:\n"
        "  hero:\n"
        "    type: static_ad\n"
        "    urls:\n"
        "      - https://a.example/1.png\n"
        "      - https://a.example/2.png\n"
    )
    assert doc.locate(("creatives", "hero"), key=True) == (2, 3)
    assert doc.locate(("creatives", "hero", "type")) == (3, 11)
    assert doc.locate(("creatives", "hero", "type"), key=True) == (3, 5)
    assert doc.locate(("creatives", "hero", "urls", 1)) == (6, 9)
    assert doc.locate(("creatives", "hero", "urls", 1), key=True) == (6, 9)
    assert doc.locate(("creatives", "hero", "prompt"), key=True) == (2, 3)
    assert doc.locate(("creatives", "hero", "urls", 7)) == (5, 7)
    assert doc.locate(()) == (1, 1)


def test_format_path_quotes_what_is_not_an_identifier() -> None:
    assert format_path(("creatives", "hero", "urls", 0)) == "creatives.hero.urls[0]"
    assert format_path(("labels", "a b", 'say "hi"')) == 'labels["a b"]["say \\"hi\\""]'
    assert format_path(()) == ""


def test_pyyaml_global_state_is_left_alone() -> None:
    before = copy.deepcopy(yaml.SafeLoader.yaml_implicit_resolvers)
    load("b: 9:16\n")
    assert yaml.SafeLoader.yaml_implicit_resolvers == before
    assert yaml.safe_load("a: on\nb: 1:30\n") == {"a": True, "b": 90}


def test_the_c_loader_is_used_when_libyaml_is_there() -> None:
    from reconciler import yamlload

    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML was built without libyaml")
    assert issubclass(yamlload._Loader, yaml.CSafeLoader)
