//! Arbitrary bytes as a `POST /v1/summarize`, `/v1/score` or `/v1/analyze` body: an API
//! error with a 4xx status or a valid job, and a valid job must run without
//! panicking and quote its sources exactly (with the edits it reports).
#![no_main]
use brief_core::SummaryItem;
use brief_server::api::{parse_analyze_request, parse_score_request, parse_summarize_request};
use brief_server::Limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let limits = Limits {
        max_documents: 8,
        max_document_chars: 4096,
        ..Limits::default()
    };
    match parse_summarize_request(body, &limits) {
        Ok(job) => match job.run() {
            Ok(summary) => {
                for item in &summary.items {
                    // The item quotes its span, with its edits (sorted,
                    // disjoint, inside the span) applied.
                    let doc = &job.cluster.documents[item.doc];
                    assert!(doc.text.get(item.span.range()).is_some());
                    let mut at = item.span.start;
                    for e in &item.edits {
                        assert!(e.span.start >= at && e.span.end <= item.span.end);
                        assert!(doc.text.get(e.span.range()).is_some());
                        at = e.span.end;
                    }
                    let quoted = SummaryItem::edited_text(&doc.text, item.span, &item.edits);
                    assert_eq!(quoted, item.text);
                }
            }
            Err(e) => assert!(e.status.is_client_error(), "{e}"),
        },
        Err(e) => assert!(e.status.is_client_error(), "{e}"),
    }
    if let Err(e) = parse_score_request(body, &limits) {
        assert!(e.status.is_client_error(), "{e}");
    }
    if let Err(e) = parse_analyze_request(body, &limits) {
        assert!(e.status.is_client_error(), "{e}");
    }
});
