//! `base_url:` in site.yaml (and `--base-url`): an absolute http(s) address split into origin and path.

use crate::model::site::BaseUrl;

/// Splits `https://host/path/` into origin and path; the path always ends with `/`.
pub(crate) fn parse_base_url(url: &str) -> Result<BaseUrl, String> {
    base_url(url).map_err(|problem| problem.en)
}

/// What is wrong with an address, in English and Japanese.
pub(crate) struct UrlProblem {
    /// In English.
    pub en: String,
    /// In Japanese.
    pub ja: String,
}

/// [`parse_base_url`], saying what is wrong in both languages. The scheme is `http` or `https`; the host a
/// name (letters, digits, `-` and `.`, in labels that are not empty) or an IP address (`[…]` for IPv6),
/// with an optional port; no part may hold a space or a control character.
pub(crate) fn base_url(url: &str) -> Result<BaseUrl, UrlProblem> {
    let url = url.trim();
    let shown = crate::diag::terminal_safe(url);
    let problem = |en: String, ja: String| UrlProblem { en, ja };
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(problem(
            format!("`{shown}` may not contain spaces or control characters"),
            format!("`{shown}` にはスペースや制御文字を含められません"),
        ));
    }
    let (scheme, rest) = url.split_once("://").ok_or_else(|| {
        problem(
            format!("`{shown}` is not an absolute address (it needs https:// or http://)"),
            format!("`{shown}` は完全なアドレスではありません（https:// か http:// が必要です）"),
        )
    })?;
    if scheme != "https" && scheme != "http" {
        return Err(problem(
            format!("`{shown}` must start with https:// or http://"),
            format!("`{shown}` は https:// か http:// で始めてください"),
        ));
    }
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if !valid_host(host) {
        return Err(problem(
            format!("`{shown}` has no valid host name"),
            format!("`{shown}` には正しいホスト名がありません"),
        ));
    }
    if path.contains(|c: char| "?#\"'<>\\`".contains(c)) || path.contains("..") {
        return Err(problem(
            format!("the path of `{shown}` may not contain spaces, quotes, `?`, `#` or `..`"),
            format!("`{shown}` のパスには、スペース、引用符、`?`、`#`、`..` を含められません"),
        ));
    }
    let mut path = path.to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    while path.contains("//") {
        path = path.replace("//", "/");
    }
    Ok(BaseUrl {
        origin: format!("{scheme}://{host}"),
        path,
    })
}

/// A host name or IP address with an optional port: `example.org`, `localhost:8080`, `[::1]:1111`,
/// `例え.jp`; no user name (`user@`), no empty label, no character outside names.
fn valid_host(host: &str) -> bool {
    let (name, port) = if let Some(v6) = host.strip_prefix('[') {
        let Some((addr, after)) = v6.split_once(']') else {
            return false;
        };
        if addr.parse::<std::net::Ipv6Addr>().is_err() {
            return false;
        }
        match after {
            "" => return true,
            _ => match after.strip_prefix(':') {
                Some(port) => ("", Some(port)),
                None => return false,
            },
        }
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        }
    };
    if let Some(port) = port
        && !(port.parse::<u16>().is_ok_and(|p| p > 0) && port.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    if host.starts_with('[') {
        return true;
    }
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.chars().count() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        let b = parse_base_url("https://example.org/reports/2025").unwrap();
        assert_eq!(b.origin, "https://example.org");
        assert_eq!(b.path, "/reports/2025/");
        assert_eq!(parse_base_url("http://localhost:8080").unwrap().path, "/");
        assert!(parse_base_url("example.org").is_err());
        assert!(parse_base_url("javascript://x/").is_err());
        assert!(parse_base_url("https://x/a/../b/").is_err());
        assert!(parse_base_url("https://x/\"><script>/").is_err());
        for good in [
            "https://localhost:8080/",
            "http://127.0.0.1/",
            "https://[::1]:1111/",
            "https://例え.jp/白書/",
            "https://a-b.example.org",
        ] {
            assert!(parse_base_url(good).is_ok(), "{good}");
        }
        for bad in [
            "https://user@example.org/",
            "https://exa mple.org/",
            "https://example.org/a\u{1b}[2J/",
            "https://example..org/",
            "https://-x.org/",
            "https://x.org:99999/",
            "https://x.org:/",
            "https://[::1/",
            "https://[::1].evil.example/",
            "https://x_y.org/",
            "https:///path",
            "https://x.org/a b/",
        ] {
            assert!(parse_base_url(bad).is_err(), "{bad}");
        }
        let err = parse_base_url("https://x.org/\u{1b}[2J").unwrap_err();
        assert!(!err.contains('\u{1b}'), "{err}");
    }
}
