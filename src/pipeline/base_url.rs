//! `--base-url`: the site's address given on the command line in place of site.yaml's `base_url`.

use crate::diag::{Code, Diagnostic};
use crate::load;
use crate::model::site::Site;

/// The site with `--base-url` in place of site.yaml's `base_url`, checked as `base_url` is (scheme, host,
/// no spaces or control characters; see README, "site.yaml").
pub(super) fn with_base_url(
    mut site: Site,
    base_url: Option<&str>,
) -> Result<Site, Vec<Diagnostic>> {
    if let Some(url) = base_url {
        site.config.base_url = load::parse_base_url_in_both(url).map_err(|(en, ja)| {
            vec![
                Diagnostic::general(Code::Usage, format!("--base-url: {en}"))
                    .ja(format!("--base-url：{ja}")),
            ]
        })?;
    }
    Ok(site)
}
