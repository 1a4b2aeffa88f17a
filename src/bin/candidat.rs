//! `candidat`: the checklist of an individual candidate, for scripts and for the exam office.
//!
//! Hand-rolled arguments (why: two subcommands and a few flags do not justify a parser crate
//! in a workspace that also ships to wasm). Exit 0 when the evaluation ran, whatever the
//! verdict; 2 for bad input, with the reason on standard error.

use std::process::ExitCode;

use candidat::core::output::to_contract_json_string;
use candidat::core::{default_session, evaluate, to_text, Lang, Session, Situation};
use chrono::{DateTime, Utc};

const HELP: &str = "\
candidat — checklist of an individual candidate's registration (notice DIEC 3.05 and other sessions)

USAGE:
  candidat checklist --situation FILE --at INSTANT [--session FILE] [--format text|json] [--lang fr|en]
  candidat check-session FILE [--lang fr|en]
  candidat --help

checklist      Evaluates the situation (JSON, see shared/DOMAIN.md) at INSTANT (RFC 3339, e.g.
               2022-11-18T00:00:00+01:00) against the session file (default: the embedded
               Aix-Marseille 2023 session). Prints phase, verdict, changes, deadlines and items;
               with a session file that declares questions, pieces and eligibility (version 2,
               sessions/README.md), the situation's \"answers\" decide the pieces (piece:<id>)
               and the unmet conditions (eligibility, verdict not-eligible).
               --format text (default, for people) or json (the contract's object, for scripts).
               --lang fr (default) or en: language of the text and of the items' `why`.
               FILE may be `-` for standard input (situation only).
check-session  Validates a session file: prints OK, or every problem as `path: message`.

EXIT STATUS: 0 evaluation ran / session valid; 2 bad input (reason on standard error).
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(reason) => {
            eprintln!("{}", reason.trim_end());
            ExitCode::from(2)
        }
    }
}

struct Flags {
    situation: Option<String>,
    at: Option<String>,
    session: Option<String>,
    format: Option<String>,
    lang: Option<String>,
    positional: Vec<String>,
}

fn parse_flags(args: &[String]) -> Result<Flags, String> {
    let mut f = Flags {
        situation: None,
        at: None,
        session: None,
        format: None,
        lang: None,
        positional: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_owned())),
            _ => (a.as_str(), None),
        };
        let slot = match name {
            "--situation" => &mut f.situation,
            "--at" => &mut f.at,
            "--session" => &mut f.session,
            "--format" => &mut f.format,
            "--lang" => &mut f.lang,
            _ if name.starts_with("--") => {
                return Err(format!("unknown option {name} (see candidat --help)"))
            }
            _ => {
                f.positional.push(a.clone());
                continue;
            }
        };
        let value = match inline {
            Some(v) => v,
            None => it
                .next()
                .cloned()
                .ok_or_else(|| format!("option {name} needs a value (see candidat --help)"))?,
        };
        if slot.replace(value).is_some() {
            return Err(format!("option {name} given twice"));
        }
    }
    Ok(f)
}

fn read(path: &str, what: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| format!("cannot read {what} from standard input: {e}"))?;
        return Ok(s);
    }
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {what} file {path}: {e}"))
}

fn problems_text(header: &str, problems: &[candidat::core::Problem], lang: Lang) -> String {
    let mut s = format!("{header}\n");
    for p in problems {
        s.push_str(&format!("{}: {}\n", p.path, p.message(lang)));
    }
    s
}

fn lang_of(f: &Flags) -> Result<Lang, String> {
    match &f.lang {
        None => Ok(Lang::Fr),
        Some(l) => Lang::parse(l).ok_or_else(|| format!("--lang must be fr or en, not {l:?}")),
    }
}

fn load_session(path: Option<&str>, lang: Lang) -> Result<Session, String> {
    match path {
        None => Ok(default_session()),
        Some(p) => Session::from_json(&read(p, "session")?)
            .map_err(|ps| problems_text(&format!("invalid session file {p}:"), &ps, lang)),
    }
}

fn run(args: &[String]) -> Result<String, String> {
    if args.is_empty() {
        return Err(format!("missing command\n\n{HELP}"));
    }
    if args
        .iter()
        .any(|a| a == "--help" || a == "-h" || a == "help")
    {
        return Ok(HELP.to_owned());
    }
    let f = parse_flags(&args[1..])?;
    let lang = lang_of(&f)?;
    match args[0].as_str() {
        "checklist" => {
            if let Some(p) = f.positional.first() {
                return Err(format!("unexpected argument {p:?} (see candidat --help)"));
            }
            let situation_path = f
                .situation
                .as_deref()
                .ok_or("checklist needs --situation FILE")?;
            let at_text = f
                .at
                .as_deref()
                .ok_or("checklist needs --at INSTANT (RFC 3339, e.g. 2022-11-18T00:00:00+01:00)")?;
            let at = DateTime::parse_from_rfc3339(at_text)
                .map_err(|e| format!("--at {at_text:?} is not an RFC 3339 instant such as 2022-11-18T00:00:00+01:00: {e}"))?
                .with_timezone(&Utc);
            let session = load_session(f.session.as_deref(), lang)?;
            let situation = Situation::from_json(&read(situation_path, "situation")?, &session)
                .map_err(|ps| {
                    problems_text(
                        &format!("invalid situation file {situation_path}:"),
                        &ps,
                        lang,
                    )
                })?;
            let ev = evaluate(&session, &situation, at);
            match f.format.as_deref().unwrap_or("text") {
                "text" => Ok(to_text(&session, &ev, &situation, lang)),
                "json" => Ok(to_contract_json_string(&session, &ev, &situation, lang) + "\n"),
                other => Err(format!("--format must be text or json, not {other:?}")),
            }
        }
        "check-session" => {
            if f.situation.is_some() || f.at.is_some() || f.session.is_some() || f.format.is_some()
            {
                return Err("check-session takes only FILE and --lang".into());
            }
            let [path] = f.positional.as_slice() else {
                return Err("check-session needs exactly one FILE".into());
            };
            let text = read(path, "session")?;
            match Session::from_json(&text) {
                Ok(s)
                    if s.questions().is_empty()
                        && s.pieces().is_empty()
                        && s.eligibility().is_empty() =>
                {
                    Ok(format!("OK {} ({})\n", s.id, s.academie))
                }
                // Version 2: what the file declares, so a typo that emptied a list shows.
                Ok(s) => Ok(match lang {
                    Lang::Fr => format!(
                        "OK {} ({})\u{a0}: {} question(s), {} pièce(s), {} condition(s) d'inscription\n",
                        s.id,
                        s.academie,
                        s.questions().len(),
                        s.pieces().len(),
                        s.eligibility().len()
                    ),
                    Lang::En => format!(
                        "OK {} ({}): {} question(s), {} piece(s), {} eligibility condition(s)\n",
                        s.id,
                        s.academie,
                        s.questions().len(),
                        s.pieces().len(),
                        s.eligibility().len()
                    ),
                }),
                Err(ps) => Err(problems_text(
                    &format!("{path}: {} problem(s)", ps.len()),
                    &ps,
                    lang,
                )),
            }
        }
        other => Err(format!("unknown command {other:?} (see candidat --help)")),
    }
}
