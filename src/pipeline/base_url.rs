//! `--base-url`: the site's address given on the command line in place of site.yaml's `base_url`.

use crate::diag::{Code, Diagnostic};
use crate::load;
use crate::model::site::Site;

/// The site with `--base-url` in place of site.yaml's `base_url`.
pub(super) fn with_base_url(
    mut site: Site,
    base_url: Option<&str>,
) -> Result<Site, Vec<Diagnostic>> {
    if let Some(url) = base_url {
        site.config.base_url = load::parse_base_url(url).map_err(|msg| {
            vec![
                Diagnostic::general(Code::Usage, format!("--base-url: {msg}"))
                    .ja(format!("--base-url：{}", base_url_problem_ja(url, &msg))),
            ]
        })?;
    }
    Ok(site)
}

/// Why `url` cannot be the site's address, in Japanese (`msg` is the English reason).
fn base_url_problem_ja(url: &str, msg: &str) -> String {
    if msg.contains("is not an absolute address") {
        format!("`{url}` は完全なアドレスではありません（https:// か http:// が必要です）")
    } else if msg.contains("must start with") {
        format!("`{url}` は https:// か http:// で始めてください")
    } else if msg.contains("has no valid host name") {
        format!("`{url}` には正しいホスト名がありません")
    } else if msg.contains("may not contain") {
        format!("`{url}` のパスには空白、引用符、`?`、`#`、`..` を使えません")
    } else {
        format!("`{url}` はサイトのアドレスに使えません（{msg}）")
    }
}
