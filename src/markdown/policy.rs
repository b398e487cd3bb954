//! What content may contain: which raw HTML passes, which link schemes are allowed (README, "Policies").

/// Inline tags an editor may write as raw HTML, without attributes.
pub const ALLOWED_TAGS: [&str; 16] = [
    "br", "wbr", "sup", "sub", "strong", "em", "b", "i", "u", "s", "small", "mark", "ruby", "rt",
    "rp", "kbd",
];

/// One piece of raw HTML as written in Markdown.
#[derive(Debug, PartialEq, Eq)]
pub enum RawHtmlPiece<'a> {
    /// An allowed tag, normalised (`<br>`, `</strong>`).
    Tag(String),
    /// A comment: dropped from the output.
    Comment,
    /// Text between tags: escaped.
    Text(&'a str),
    /// Anything else: refused, with the offending tag as written.
    Refused(&'a str),
}

/// Splits raw HTML into pieces and judges each.
pub fn split_raw_html(html: &str) -> Vec<RawHtmlPiece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(0) => {
                if let Some(after) = rest.strip_prefix("<!--") {
                    let end = after.find("-->").map_or(rest.len(), |i| i + 4 + 3);
                    pieces.push(RawHtmlPiece::Comment);
                    rest = &rest[end.min(rest.len())..];
                    continue;
                }
                let end = rest.find('>').map_or(rest.len(), |i| i + 1);
                let tag = &rest[..end];
                pieces.push(match allowed_tag(tag) {
                    Some(normal) => RawHtmlPiece::Tag(normal),
                    None => RawHtmlPiece::Refused(tag),
                });
                rest = &rest[end..];
            }
            Some(i) => {
                pieces.push(RawHtmlPiece::Text(&rest[..i]));
                rest = &rest[i..];
            }
            None => {
                pieces.push(RawHtmlPiece::Text(rest));
                rest = "";
            }
        }
    }
    pieces
}

fn allowed_tag(tag: &str) -> Option<String> {
    let inner = tag.strip_prefix('<')?.strip_suffix('>')?;
    let (closing, name) = match inner.strip_prefix('/') {
        Some(n) => (true, n),
        None => (false, inner),
    };
    let name = name
        .trim()
        .trim_end_matches('/')
        .trim()
        .to_ascii_lowercase();
    if !ALLOWED_TAGS.contains(&name.as_str()) {
        return None;
    }
    let void = name == "br" || name == "wbr";
    match (closing, void) {
        (true, true) => None,
        (true, false) => Some(format!("</{name}>")),
        (false, _) => Some(format!("<{name}>")),
    }
}

/// Why a link target is refused, if it is. Allowed: relative links, `#anchors`, `http:`, `https:`,
/// `mailto:` and `tel:`. Control characters and whitespace are removed and case ignored before the scheme is
/// read, so `java\tscript:` and `JaVaScRiPt:` are caught too.
pub fn refused_url(url: &str) -> Option<super::LinkError> {
    // Most links are plain paths: no scheme can hide in letters, digits and `/ . - _ # ? = &`.
    let plain = url.bytes().all(|b| {
        b.is_ascii_alphanumeric()
            || matches!(b, b'/' | b'.' | b'-' | b'_' | b'#' | b'?' | b'=' | b'&')
    });
    if plain && !url.starts_with("//") {
        return None;
    }
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace() && *c != '\u{200B}' && *c != '\u{FEFF}')
        .collect::<String>()
        .to_ascii_lowercase();
    let decoded = percent_decode_lossy(&cleaned).to_ascii_lowercase();
    for candidate in [&cleaned, &decoded] {
        if let Some(colon) = candidate.find(':') {
            let scheme = &candidate[..colon];
            let before_path = !scheme.contains(['/', '?', '#']);
            if before_path
                && !scheme.is_empty()
                && !["http", "https", "mailto", "tel"].contains(&scheme)
            {
                return Some(super::LinkError::new(
                    format!("links with the scheme `{scheme}:` are not allowed"),
                    format!("`{scheme}:` で始まるリンクは使えません"),
                ));
            }
        }
    }
    if cleaned.starts_with("//") {
        return Some(super::LinkError::new(
            "links starting with `//` are not allowed; write https:// in full",
            "`//` で始まるリンクは使えません。https:// から省略せずに書いてください",
        ));
    }
    None
}

fn percent_decode_lossy(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out)
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_allowlist() {
        assert_eq!(
            split_raw_html("<strong>"),
            vec![RawHtmlPiece::Tag("<strong>".into())]
        );
        assert_eq!(
            split_raw_html("<BR/>"),
            vec![RawHtmlPiece::Tag("<br>".into())]
        );
        assert_eq!(
            split_raw_html("<script>alert(1)</script>"),
            vec![
                RawHtmlPiece::Refused("<script>"),
                RawHtmlPiece::Text("alert(1)"),
                RawHtmlPiece::Refused("</script>")
            ]
        );
        assert_eq!(
            split_raw_html("<strong onclick=\"x\">"),
            vec![RawHtmlPiece::Refused("<strong onclick=\"x\">")]
        );
        assert_eq!(
            split_raw_html("<!-- note --><sup>"),
            vec![RawHtmlPiece::Comment, RawHtmlPiece::Tag("<sup>".into())]
        );
        assert_eq!(
            split_raw_html("<img src=x onerror=alert(1)>"),
            vec![RawHtmlPiece::Refused("<img src=x onerror=alert(1)>")]
        );
    }

    #[test]
    fn url_schemes() {
        for ok in [
            "https://example.org/",
            "http://x",
            "mailto:a@b",
            "/cases/kobe/",
            "../kobe/",
            "#概要",
            "photo.jpg",
            "page?x=a:b",
        ] {
            assert_eq!(refused_url(ok), None, "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:x",
            "file:///etc/passwd",
            "javascript%3Aalert(1)",
            "//evil.example/",
        ] {
            assert!(refused_url(bad).is_some(), "{bad}");
        }
        let why = refused_url("data:text/html;base64,PHNjcmlwdD4=").unwrap();
        assert_eq!(why.why, "links with the scheme `data:` are not allowed");
        assert_eq!(why.why_ja, "`data:` で始まるリンクは使えません");
    }
}
