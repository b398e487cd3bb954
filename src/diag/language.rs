//! The language of messages: English or Japanese, chosen by the editor (`--lang`, `HAKUSHO_LANG`) or
//! following their locale (`LC_ALL`, `LC_MESSAGES`, `LANG`). Messages not yet translated are shown in English.

/// The language messages are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MessageLanguage {
    /// English (the default).
    #[default]
    English,
    /// Japanese.
    Japanese,
}

impl MessageLanguage {
    /// `ja` or `en` (as `--lang` and `HAKUSHO_LANG` take them).
    pub fn from_name(name: &str) -> Option<MessageLanguage> {
        match name.trim() {
            "ja" => Some(MessageLanguage::Japanese),
            "en" => Some(MessageLanguage::English),
            _ => None,
        }
    }

    /// The language the environment asks for: `HAKUSHO_LANG` (`ja` or `en`), else the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty, Japanese if it starts with `ja` (`ja_JP.UTF-8`).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> MessageLanguage {
        if let Some(lang) = var("HAKUSHO_LANG").and_then(|v| MessageLanguage::from_name(&v)) {
            return lang;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&var)
            .find(|v| !v.is_empty());
        match locale {
            Some(l) if l.starts_with("ja") => MessageLanguage::Japanese,
            _ => MessageLanguage::English,
        }
    }

    /// Picks the text for this language.
    pub fn pick<'t>(self, english: &'t str, japanese: &'t str) -> &'t str {
        match self {
            MessageLanguage::English => english,
            MessageLanguage::Japanese => japanese,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_locale_decides_unless_told() {
        use MessageLanguage::{English, Japanese};
        assert_eq!(MessageLanguage::from_env(env(&[])), English);
        assert_eq!(
            MessageLanguage::from_env(env(&[("LANG", "ja_JP.UTF-8")])),
            Japanese
        );
        assert_eq!(
            MessageLanguage::from_env(env(&[("LANG", "en_US.UTF-8")])),
            English
        );
        // LC_ALL before LC_MESSAGES before LANG; an empty one does not count.
        assert_eq!(
            MessageLanguage::from_env(env(&[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")])),
            English
        );
        assert_eq!(
            MessageLanguage::from_env(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "ja_JP"),
                ("LANG", "C")
            ])),
            Japanese
        );
        // HAKUSHO_LANG before the locale; a value it does not know is passed over.
        assert_eq!(
            MessageLanguage::from_env(env(&[("HAKUSHO_LANG", "en"), ("LANG", "ja_JP.UTF-8")])),
            English
        );
        assert_eq!(
            MessageLanguage::from_env(env(&[("HAKUSHO_LANG", "fr"), ("LANG", "ja_JP.UTF-8")])),
            Japanese
        );
    }
}
