"""bench/screening.py at a tiny size, so a change that breaks it fails here instead of leaving
the README's figure stale. The time means nothing here; only that it runs and finds things."""

from bench.screening import bench_text, main, measure


def test_the_bench_text_is_10_kb_of_english_and_french():
    text = bench_text()
    assert 10 * 1024 <= len(text) < 11 * 1024
    assert "the" in text.split() and "le" in text.split()


def test_the_bench_screens_and_finds_every_kind(capsys):
    result = measure(runs=3)
    assert result.median_ms > 0 and result.p95_ms >= result.median_ms
    assert set(result.findings) == {"email", "phone", "postcode", "health_number",
                                    "date_of_birth", "name", "abuse", "risk"}
    main(["--runs", "2"])
    assert "median" in capsys.readouterr().out
