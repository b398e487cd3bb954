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

/// [`parse_base_url`], saying what is wrong in both languages.
pub(crate) fn base_url(url: &str) -> Result<BaseUrl, UrlProblem> {
    let url = url.trim();
    let problem = |en: String, ja: String| UrlProblem { en, ja };
    let (scheme, rest) = url.split_once("://").ok_or_else(|| {
        problem(
            format!("`{url}` is not an absolute address (it needs https:// or http://)"),
            format!("`{url}` は完全なアドレスではありません（https:// か http:// が必要です）"),
        )
    })?;
    if scheme != "https" && scheme != "http" {
        return Err(problem(
            format!("`{url}` must start with https:// or http://"),
            format!("`{url}` は https:// か http:// で始めてください"),
        ));
    }
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() || host.contains(|c: char| c.is_whitespace() || "\"'<>\\".contains(c)) {
        return Err(problem(
            format!("`{url}` has no valid host name"),
            format!("`{url}` には正しいホスト名がありません"),
        ));
    }
    if path.contains(|c: char| c.is_whitespace() || "?#\"'<>\\".contains(c)) || path.contains("..")
    {
        return Err(problem(
            format!("the path of `{url}` may not contain spaces, quotes, `?`, `#` or `..`"),
            format!("`{url}` のパスには、スペース、引用符、`?`、`#`、`..` を含められません"),
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
    }
}
