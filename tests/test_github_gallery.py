"""The gallery: thumbnails for images, links for videos, nothing clickable but http(s)."""

from __future__ import annotations

from reconciler.github.gallery import render_gallery
from reconciler.model import Batch, CreativeState, Generation, State

IMG = "https://cdn.example/a/hero.png"


def entry(kind: str, *generations: Generation) -> CreativeState:
    batch = Batch(0, "crv1-x", len(generations), phase="submitted", generations=generations)
    return CreativeState("sha256:x", {"type": kind}, "creatives/a.yaml", batches=(batch,))


def state(**entries: CreativeState) -> State:
    return State(lineage="l", serial=1, creatives=entries)


def test_images_get_thumbnails_videos_links_and_failures_their_reason():
    found = state(
        hero=entry("static_ad", Generation("g1", "completed", IMG)),
        teaser=entry("video_ad", Generation("g2", "completed", "https://cdn.example/t.mp4")),
        still=entry("static_ad", Generation("g3", "completed", "https://cdn.example/asset/9")),
        broken=entry("ugc_ad", Generation("g4", "failed", None, {"message": "No face found"})),
        slow=entry("video_ad", Generation("g5", "processing")),
        other=entry("static_ad", Generation("g6", "completed", IMG)),
    )
    text = render_gallery(found, ["hero", "teaser", "still", "broken", "slow"])
    assert text == (
        "### Assets\n\n"
        "5 outputs: 3 completed, 1 failed, 1 processing.\n\n"
        "| Creative | Asset | Status |\n| --- | --- | --- |\n"
        "| <code>broken</code> | No face found | failed |\n"
        f'| <code>hero</code> | <a href="{IMG}"><img src="{IMG}" alt="hero" width="160"></a>'
        " | completed |\n"
        "| <code>slow</code> | — | processing |\n"
        '| <code>still</code> | <a href="https://cdn.example/asset/9"><img '
        'src="https://cdn.example/asset/9" alt="still" width="160"></a> | completed |\n'
        "| <code>teaser</code> | [▶ video](https://cdn.example/t.mp4) | completed |\n"
    )


def test_urls_cannot_break_out_and_other_schemes_are_not_links():
    sneaky = 'https://cdn.example/x.png?a=1&b="><script>|(x)'
    found = state(
        a=entry("static_ad", Generation("g1", "completed", sneaky)),
        b=entry("static_ad", Generation("g2", "completed", "javascript:alert(1)")),
    )
    text = render_gallery(found, ["a", "b"])
    assert '<a href="https://cdn.example/x.png?a=1&amp;b=%22%3E%3Cscript%3E%7C%28x%29">' in text
    assert "javascript" not in text
    assert "| <code>b</code> | — | completed |" in text


def test_nothing_to_show_is_empty_and_a_long_gallery_is_cut():
    assert render_gallery(state(), ["hero"]) == ""
    many = state(
        **{
            f"ad-{i:02d}": entry("static_ad", Generation(f"g{i}", "completed", IMG))
            for i in range(40)
        }
    )
    text = render_gallery(many, list(many.creatives), max_chars=1_000)
    assert len(text) <= 1_000
    shown = text.count("<img ")
    assert 0 < shown < 40
    assert text.endswith(f"\n\n… {40 - shown} more outputs; see the job summary.\n")
