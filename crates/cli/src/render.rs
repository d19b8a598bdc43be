//! `brief analyze` output: an [`Analysis`] as Markdown or as one
//! self-contained HTML page. Presentation only, so it lives with the
//! command that writes pages rather than in brief-core.
//!
//! Both are plain string building (no templating crate: the pages are a
//! few fixed sections, and escaping is one function). The HTML page has its
//! CSS and JavaScript inline and loads nothing, so it can be mailed or
//! opened offline: the documents stand side by side, sentences of one copy
//! family share a colour (hovering one highlights the family in every
//! document), and quotations are underlined in their speaker's colour with
//! the speaker in a tooltip and a legend.

use brief_core::analyze::Analysis;
use brief_core::compare::Comparison;
use brief_core::{Cluster, PreparedCluster, Span};
use std::fmt::Write;

/// The analysis as a Markdown report.
pub fn markdown(cluster: &Cluster, a: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Analysis of {}\n", md(&a.cluster_id));
    let _ = writeln!(out, "## Copy families ({})\n", a.copies.families.len());
    for f in &a.copies.families {
        let first = &f.members[f.first];
        let docs: Vec<String> = f.documents.iter().map(|d| format!("[{d}]")).collect();
        let _ = writeln!(
            out,
            "{}. {} in {} documents {}, first in `{}`:",
            f.id + 1,
            if f.exact { "Exact copy" } else { "Near copy" },
            f.documents.len(),
            docs.join(" "),
            first.doc_id
        );
        for m in &f.members {
            let _ = writeln!(out, "   - `[{}:{}]` {}", m.doc, m.sentence, md(&m.text));
        }
    }
    let _ = writeln!(out, "\n## Document overlap\n");
    let _ = writeln!(
        out,
        "Share of each row document's sentences copied in each column document.\n"
    );
    for o in &a.copies.overlap_top {
        let _ = writeln!(
            out,
            "- [{}] {:.0}% copied in [{}]",
            o.doc,
            o.share * 100.0,
            o.other
        );
    }
    let n = a.copies.overlap.len();
    let header: Vec<String> = (0..n).map(|j| format!("[{j}]")).collect();
    if n > 0 {
        let _ = writeln!(out, "| | {} |", header.join(" | "));
        let _ = writeln!(out, "|---|{}", "---|".repeat(n));
    }
    for (i, row) in a.copies.overlap.iter().enumerate() {
        let cells: Vec<String> = row.iter().map(|v| format!("{:.0}%", v * 100.0)).collect();
        let _ = writeln!(
            out,
            "| [{i}] {} | {} |",
            md(cluster.documents.get(i).map_or("", |d| d.id.as_str())),
            cells.join(" | ")
        );
    }
    let _ = writeln!(out, "\n## Aliases\n");
    let _ = writeln!(
        out,
        "| Actor | Kind | Mentions | Forms |\n|---|---|---|---|"
    );
    for g in &a.aliases {
        let forms: Vec<String> = g
            .forms
            .iter()
            .map(|f| format!("{} ({})", md(&f.text), f.mentions))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {:?} | {} | {} |",
            md(&g.canonical),
            g.kind,
            g.mentions,
            forms.join(", ")
        );
    }
    let _ = writeln!(out, "\n## Quotes ({})\n", a.quotes.len());
    for q in &a.quotes {
        let _ = writeln!(
            out,
            "- **{}** `[{}]`: “{}”",
            md(q.speaker.as_deref().unwrap_or("unattributed")),
            q.doc,
            md(&q.text)
        );
    }
    out.push('\n');
    out.push_str(&comparison_markdown(cluster, &a.comparison, 3));
    let _ = writeln!(out, "\n## Timeline\n");
    for e in &a.timeline {
        let _ = writeln!(
            out,
            "- **{}** ({}): {} — {}",
            date_label(&e.when.start, &e.when.end),
            md(&e.when.text),
            md(&e.sentence),
            md(&e.sources.join(", "))
        );
    }
    out
}

/// A source comparison as Markdown sections (`##` headings): facts by
/// how many sources state them with the fact × source matrix, what each
/// source alone reports and omits (at most `per_source` facts each, 0: all),
/// who is quoted where, and conflicts with their byte spans.
pub fn comparison_markdown(cluster: &Cluster, c: &Comparison, per_source: usize) -> String {
    let mut out = String::new();
    let n = c.sources.len();
    let cap = |len: usize| {
        if per_source == 0 {
            len
        } else {
            len.min(per_source)
        }
    };
    let first = |f: usize| md(&c.facts[f].statements[0].text);
    let shared: Vec<usize> = c
        .facts
        .iter()
        .filter(|f| f.documents.len() >= 2)
        .map(|f| f.id)
        .collect();
    let _ = writeln!(
        out,
        "## Sources compared\n\n{} facts; {} stated by every source, {} by two or more.\n",
        c.facts.len(),
        c.shared_by_all.len(),
        shared.len()
    );
    let header: Vec<String> = (0..n).map(|j| format!("[{j}]")).collect();
    let _ = writeln!(
        out,
        "| Fact | {} |\n|---|{}",
        header.join(" | "),
        "---|".repeat(n)
    );
    for &f in &shared {
        let cells: Vec<String> = c.matrix[f]
            .iter()
            .map(|cell| match cell {
                Some(k) => {
                    let s = &c.facts[f].statements[*k];
                    format!("{}..{}", s.span.start, s.span.end)
                }
                None => String::new(),
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} |",
            first(f).replace('|', "\\|"),
            cells.join(" | ")
        );
    }
    for r in &c.source_reports {
        let _ = writeln!(
            out,
            "\n### [{}] {}: {} facts only here, {} widely reported facts omitted\n",
            r.doc,
            md(&r.doc_id),
            r.only.len(),
            r.omits.len()
        );
        for &f in r.only.iter().take(cap(r.only.len())) {
            let _ = writeln!(out, "- only here: {}", first(f));
        }
        for &f in r.omits.iter().take(cap(r.omits.len())) {
            let _ = writeln!(out, "- omits: {}", first(f));
        }
    }
    let _ = writeln!(out, "\n### Who is quoted by which source\n");
    for s in &c.speakers {
        let docs: Vec<String> = s.documents.iter().map(|d| format!("[{d}]")).collect();
        let _ = writeln!(out, "- **{}** in {}:", md(&s.speaker), docs.join(" "));
        for q in &s.quotes {
            let _ = writeln!(out, "  - `[{}]` “{}”", q.doc, md(&q.text));
        }
    }
    let _ = writeln!(out, "\n### Conflicts ({})\n", c.conflicts.len());
    for k in &c.conflicts {
        let sides: Vec<String> = k
            .sides
            .iter()
            .map(|s| {
                let id = cluster.documents.get(s.doc).map_or("", |d| d.id.as_str());
                format!(
                    "“{}” in [{}] {} at {}..{}",
                    md(&s.value),
                    s.doc,
                    md(id),
                    s.span.start,
                    s.span.end
                )
            })
            .collect();
        let _ = writeln!(out, "- {:?} `{}`: {}", k.kind, k.slot, sides.join(" vs "));
    }
    out
}

fn date_label(start: &Option<String>, end: &Option<String>) -> String {
    match (start, end) {
        (Some(s), Some(e)) if s == e => s.clone(),
        (Some(s), Some(e)) => format!("{s} – {e}"),
        _ => "undated".to_owned(),
    }
}

/// Document text in Markdown: `&`, `<` and `>` as entities, so that
/// markup in the documents is shown, not run, where the report is rendered.
fn md(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A well-spread hue for item `i` (golden-angle steps).
fn hue(i: usize, offset: f64) -> f64 {
    (i as f64 * 137.508 + offset) % 360.0
}

const STYLE: &str = r#"
*{box-sizing:border-box}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2430;background:#f4f5f7}
header{padding:14px 22px;background:#1d2430;color:#fff}
header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;color:#c9d1dc}
main{padding:14px 22px}
h2{font-size:16px;margin:22px 0 8px}
.legend{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0}
.chip{display:inline-block;padding:2px 8px;border-radius:10px;font-size:12px;cursor:default;border:1px solid #0002}
.docs{display:grid;grid-template-columns:repeat(var(--n),minmax(290px,1fr));gap:12px;overflow-x:auto;align-items:start}
.doc{background:#fff;border:1px solid #d7dbe2;border-radius:8px;overflow:hidden}
.doc h3{margin:0;padding:8px 12px;font-size:13px;background:#eef0f4;border-bottom:1px solid #d7dbe2}
.doc h3 small{display:block;font-weight:normal;color:#556}
.body{padding:10px 12px;white-space:pre-wrap;font-size:13px;line-height:1.55}
.head{color:#778;font-style:italic}
.f{background:var(--fc);border-radius:3px;cursor:pointer;transition:background .1s}
.f.hl{background:var(--fh);outline:2px solid #1d2430}
.fb{font-size:10px;font-weight:bold;vertical-align:super;color:#1d2430;background:var(--fh);border-radius:6px;padding:0 4px;margin-right:2px}
.q{border-bottom:2px solid var(--sc)}
.q.un{border-bottom:2px dashed #8a93a0}
.q.hl{background:#fff3b0}
.spk{font-weight:600;color:var(--sc)}
table{border-collapse:collapse;background:#fff;font-size:12px}
td,th{border:1px solid #d7dbe2;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef0f4}
.mx td{text-align:center;min-width:54px}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:18px}
ol.tl{padding-left:20px;background:#fff;border:1px solid #d7dbe2;border-radius:8px;padding:10px 10px 10px 34px}
ol.tl li{margin:4px 0}
.date{font-weight:600;white-space:nowrap}
.muted{color:#667}
"#;

const SCRIPT: &str = r#"
(function(){
  function mark(attr, value, on){
    document.querySelectorAll('['+attr+'="'+value+'"]').forEach(function(e){e.classList.toggle('hl', on);});
  }
  document.querySelectorAll('[data-f]').forEach(function(el){
    el.addEventListener('mouseenter', function(){mark('data-f', el.dataset.f, true);});
    el.addEventListener('mouseleave', function(){mark('data-f', el.dataset.f, false);});
  });
  document.querySelectorAll('[data-s]').forEach(function(el){
    el.addEventListener('mouseenter', function(){mark('data-s', el.dataset.s, true);});
    el.addEventListener('mouseleave', function(){mark('data-s', el.dataset.s, false);});
  });
})();
"#;

/// What covers one stretch of a document's text.
#[derive(Clone, Copy, PartialEq)]
struct Marks {
    family: Option<usize>,
    /// Speaker index (into the speaker list) or `Some(None)` for unattributed.
    quote: Option<Option<usize>>,
    speaker: Option<usize>,
}

/// The analysis as one self-contained HTML page.
pub fn html(p: &PreparedCluster<'_>, a: &Analysis) -> String {
    let cluster = p.cluster;
    // Speakers, most quoted first.
    let mut speakers: Vec<(String, usize)> = Vec::new();
    for q in &a.quotes {
        if let Some(s) = &q.speaker {
            match speakers.iter_mut().find(|(n, _)| n == s) {
                Some((_, c)) => *c += 1,
                None => speakers.push((s.clone(), 1)),
            }
        }
    }
    speakers.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let speaker_index = |name: &str| speakers.iter().position(|(n, _)| n == name);
    let unattributed = a.quotes.iter().filter(|q| q.speaker.is_none()).count();

    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>brief analyze — {}</title><style>{STYLE}</style></head><body>",
        escape(&a.cluster_id)
    );
    let _ = write!(
        out,
        "<header><h1>{}</h1><p>{} documents · {} copy families · {} quotes ({} attributed) · {} dated events</p></header><main>",
        escape(&a.cluster_id),
        cluster.documents.len(),
        a.copies.families.len(),
        a.quotes.len(),
        a.quotes.len() - unattributed,
        a.timeline.len()
    );

    // Legends.
    out.push_str("<h2>Copy families <span class=\"muted\">(hover to see a family across documents; ★ marks the first source)</span></h2><div class=\"legend\">");
    for f in &a.copies.families {
        let h = hue(f.id, 0.0);
        let docs: Vec<String> = f.documents.iter().map(|d| d.to_string()).collect();
        let _ = write!(
            out,
            "<span class=\"chip f\" data-f=\"{id}\" style=\"--fc:hsl({h:.0} 75% 86%);--fh:hsl({h:.0} 80% 70%)\" title=\"{title}\">F{n} · docs {docs}</span>",
            id = f.id,
            n = f.id + 1,
            title = escape(&f.members[f.first].text),
            docs = docs.join(", ")
        );
    }
    out.push_str("</div><h2>Speakers</h2><div class=\"legend\">");
    for (i, (name, count)) in speakers.iter().enumerate() {
        let h = hue(i, 200.0);
        let _ = write!(
            out,
            "<span class=\"chip\" data-s=\"{i}\" style=\"border-color:hsl({h:.0} 65% 38%);color:hsl({h:.0} 65% 32%)\">{} · {count}</span>",
            escape(name)
        );
    }
    let _ = write!(
        out,
        "<span class=\"chip\" data-s=\"u\" style=\"border-style:dashed;color:#667\">unattributed · {unattributed}</span></div>"
    );

    // Documents side by side.
    let _ = write!(
        out,
        "<h2>Documents</h2><div class=\"docs\" style=\"--n:{}\">",
        cluster.documents.len()
    );
    for (d, doc) in cluster.documents.iter().enumerate() {
        let range = p.doc_sentences.get(d).cloned().unwrap_or(0..0);
        let body_start = p.sentences[range.clone()]
            .first()
            .map_or(0, |s| s.span.start);
        let mut families: Vec<(Span, usize, bool)> = Vec::new();
        for (fid, f) in a.copies.families.iter().enumerate() {
            for (k, m) in f.members.iter().enumerate() {
                if m.doc == d {
                    families.push((m.span, fid, k == f.first));
                }
            }
        }
        let quotes: Vec<(Span, Option<usize>, Option<Span>)> = a
            .quotes
            .iter()
            .filter(|q| q.doc == d)
            .map(|q| {
                (
                    q.span,
                    q.speaker.as_deref().and_then(speaker_index),
                    q.speaker_span,
                )
            })
            .collect();
        let title = doc.title.clone().unwrap_or_else(|| {
            doc.text[..body_start]
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .trim()
                .to_owned()
        });
        let _ = write!(
            out,
            "<section class=\"doc\"><h3>[{d}] {}<small>{}{}</small></h3><div class=\"body\">",
            escape(&title),
            escape(&doc.id),
            doc.date
                .as_deref()
                .map(|x| format!(" · {}", escape(x)))
                .unwrap_or_default()
        );
        // Text before the body (headline, sub-headlines), without the line
        // already shown as the column title.
        let before = doc.text[..body_start].trim();
        let before = before.strip_prefix(title.as_str()).unwrap_or(before).trim();
        if !before.is_empty() {
            let _ = write!(out, "<span class=\"head\">{}</span>", escape(before));
            out.push_str("\n\n");
        }
        render_body(
            &mut out, &doc.text, body_start, &families, &quotes, &speakers,
        );
        out.push_str("</div></section>");
    }
    out.push_str("</div>");

    // Overlap matrix and aliases.
    out.push_str("<div class=\"cols\"><div><h2>Document overlap</h2><p class=\"muted\">Share of the row document's sentences that have a copy in the column document.</p><table class=\"mx\"><tr><th></th>");
    for j in 0..a.copies.overlap.len() {
        let _ = write!(out, "<th>[{j}]</th>");
    }
    out.push_str("</tr>");
    for (i, row) in a.copies.overlap.iter().enumerate() {
        let _ = write!(out, "<tr><th>[{i}]</th>");
        for (j, v) in row.iter().enumerate() {
            let shade = if i == j { 0.0 } else { *v };
            let _ = write!(
                out,
                "<td style=\"background:hsla(210 70% 50% / {:.2})\">{}</td>",
                (shade * 2.5).min(0.85),
                if i == j {
                    "—".to_owned()
                } else {
                    format!("{:.0}%", v * 100.0)
                }
            );
        }
        out.push_str("</tr>");
    }
    out.push_str("</table></div><div><h2>Aliases</h2><table><tr><th>Actor</th><th>Mentions</th><th>Forms</th></tr>");
    for g in &a.aliases {
        let forms: Vec<String> = g
            .forms
            .iter()
            .map(|f| format!("{} ({})", escape(&f.text), f.mentions))
            .collect();
        let _ = write!(
            out,
            "<tr><td><b>{}</b> <span class=\"muted\">{:?}</span></td><td>{}</td><td>{}</td></tr>",
            escape(&g.canonical),
            g.kind,
            g.mentions,
            forms.join(", ")
        );
    }
    out.push_str("</table></div></div>");

    // Timeline.
    out.push_str("<h2>Timeline</h2><ol class=\"tl\">");
    for e in &a.timeline {
        let _ = write!(
            out,
            "<li><span class=\"date\">{}</span> <span class=\"muted\">({})</span> {} <span class=\"muted\">— {}</span></li>",
            escape(&date_label(&e.when.start, &e.when.end)),
            escape(&e.when.text),
            escape(&e.sentence),
            escape(&e.sources.join(", "))
        );
    }
    let _ = writeln!(out, "</ol></main><script>{SCRIPT}</script></body></html>");
    out
}

/// Writes `text[from..]` with family, quote and speaker marks.
fn render_body(
    out: &mut String,
    text: &str,
    from: usize,
    families: &[(Span, usize, bool)],
    quotes: &[(Span, Option<usize>, Option<Span>)],
    speakers: &[(String, usize)],
) {
    let mut cuts: Vec<usize> = vec![from, text.len()];
    for (s, _, _) in families {
        cuts.extend([s.start, s.end]);
    }
    for (s, _, sp) in quotes {
        cuts.extend([s.start, s.end]);
        if let Some(sp) = sp {
            cuts.extend([sp.start, sp.end]);
        }
    }
    cuts.retain(|&c| c >= from && c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece = &text[a..b];
        let family = families.iter().find(|(s, _, _)| s.start <= a && b <= s.end);
        let quote = quotes.iter().find(|(s, _, _)| s.start <= a && b <= s.end);
        let speaker = quotes
            .iter()
            .find(|(_, _, sp)| sp.is_some_and(|sp| sp.start <= a && b <= sp.end))
            .and_then(|(_, who, _)| *who);
        let marks = Marks {
            family: family.map(|f| f.1),
            quote: quote.map(|q| q.1),
            speaker,
        };
        if marks.family.is_none() && marks.quote.is_none() && marks.speaker.is_none() {
            out.push_str(&escape(piece));
            continue;
        }
        let mut classes: Vec<&str> = Vec::new();
        let mut style = String::new();
        let mut attrs = String::new();
        let mut title: Vec<String> = Vec::new();
        if let Some((span, fid, first)) = family {
            classes.push("f");
            let h = hue(*fid, 0.0);
            let _ = write!(style, "--fc:hsl({h:.0} 75% 86%);--fh:hsl({h:.0} 80% 70%);");
            let _ = write!(attrs, " data-f=\"{fid}\"");
            title.push(format!(
                "Copy family F{}{}",
                fid + 1,
                if *first { " (first source)" } else { "" }
            ));
            if span.start == a {
                let _ = write!(
                    out,
                    "<span class=\"fb\" style=\"--fh:hsl({h:.0} 80% 70%)\">{}F{}</span>",
                    if *first { "★" } else { "" },
                    fid + 1
                );
            }
        }
        if let Some(who) = marks.quote {
            classes.push("q");
            match who {
                Some(i) => {
                    let h = hue(i, 200.0);
                    let _ = write!(style, "--sc:hsl({h:.0} 65% 38%);");
                    let _ = write!(attrs, " data-s=\"{i}\"");
                    title.push(format!("Quote — {}", speakers[i].0));
                }
                None => {
                    classes.push("un");
                    attrs.push_str(" data-s=\"u\"");
                    title.push("Quote — unattributed".to_owned());
                }
            }
        }
        if let Some(i) = marks.speaker {
            classes.push("spk");
            let h = hue(i, 200.0);
            let _ = write!(style, "--sc:hsl({h:.0} 65% 38%);");
            title.push(format!("Speaker: {}", speakers[i].0));
        }
        let _ = write!(
            out,
            "<span class=\"{}\" style=\"{}\"{} title=\"{}\">{}</span>",
            classes.join(" "),
            style,
            attrs,
            escape(&title.join(" · ")),
            escape(piece)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::analyze::analyze_prepared;
    use brief_core::{Document, Pipeline};

    fn sample() -> Cluster {
        Cluster::new(
            "c<1>",
            vec![
                Document::new(
                    "a",
                    "\"We will act\", Putin said. Russia vetoed the resolution on Wednesday.",
                ),
                Document::new(
                    "b",
                    "Russian Federation vetoed the resolution on Wednesday. It was <b>bold</b>.",
                ),
            ],
        )
    }

    #[test]
    fn html_is_self_contained_escaped_and_marks_families_and_quotes() {
        let cluster = sample();
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let a = analyze_prepared(&p);
        let page = html(&p, &a);
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(!page.contains("http://") && !page.contains("https://"));
        assert!(!page.contains("<link") && !page.contains("src="));
        assert!(page.contains("c&lt;1&gt;"));
        assert!(page.contains("&lt;b&gt;bold&lt;/b&gt;"));
        // One family, marked in both documents.
        assert_eq!(page.matches("class=\"f\" style").count(), 2);
        assert!(page.contains("title=\"Quote — Putin\""));
        assert!(page.contains("Speaker: Putin"));
    }

    #[test]
    fn markdown_lists_every_section() {
        let cluster = sample();
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let a = analyze_prepared(&p);
        let md = markdown(&cluster, &a);
        for section in [
            "## Copy families (1)",
            "## Document overlap",
            "## Aliases",
            "## Quotes (1)",
            "## Timeline",
        ] {
            assert!(md.contains(section), "{section}");
        }
        assert!(md.contains("**Putin** `[0]`: “We will act”"));
    }
}
