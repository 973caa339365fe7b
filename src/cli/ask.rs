//! A yes/no question on the terminal, for the commands that ask before an irreversible
//! step. Without a terminal they refuse unless told `--yes`.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Result, bail};

/// Ask `question` (`[y/N]` is added) unless `yes`; without a terminal, refuse with a
/// sentence naming `flag`. Returns whether the answer was yes.
pub fn confirm(question: &str, yes: bool, flag: &str) -> Result<bool> {
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        bail!("{question} This asks first; run it in a terminal, or add {flag} to go ahead");
    }
    let mut err = std::io::stderr();
    let _ = write!(err, "{question} [y/N] ");
    let _ = err.flush();
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "Yes" | "YES"))
}
