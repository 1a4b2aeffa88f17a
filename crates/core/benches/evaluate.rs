//! One evaluation of the default session (aim: < 10 µs). `cargo bench -p candidat-core`.

use candidat_core::session::Diploma;
use candidat_core::{default_session, evaluate, Acquis, AcquisKind, ItemId, Situation};
use chrono::{DateTime, Utc};

fn main() {
    divan::main();
}

fn example() -> Situation {
    let mut s = Situation::new(Diploma::Cap);
    s.title = Some("CAP Cuisine".into());
    s.account_created_at = DateTime::parse_from_rfc3339("2022-10-29T10:00:00+02:00").ok();
    s.new_accommodation_request = true;
    s.acquis = vec![
        Acquis {
            epreuve: "EG1".into(),
            kind: AcquisKind::Benefice,
        },
        Acquis {
            epreuve: "EG2".into(),
            kind: AcquisKind::Dispense,
        },
    ];
    s.done = vec![ItemId::CreateAccount, ItemId::ActivateAccount];
    s.posted_on = "2022-11-30".parse().ok();
    s
}

#[divan::bench]
fn evaluate_default_session(bencher: divan::Bencher) {
    let session = default_session();
    let situation = example();
    let at: DateTime<Utc> = "2022-11-18T00:00:00+01:00".parse().unwrap();
    bencher.bench_local(|| {
        evaluate(
            divan::black_box(&session),
            divan::black_box(&situation),
            divan::black_box(at),
        )
    });
}

#[divan::bench]
fn evaluate_and_contract_json(bencher: divan::Bencher) {
    let session = default_session();
    let situation = example();
    let at: DateTime<Utc> = "2022-11-18T00:00:00+01:00".parse().unwrap();
    bencher.bench_local(|| {
        let ev = evaluate(&session, &situation, at);
        candidat_core::to_contract_json(&session, &ev, &situation, candidat_core::Lang::Fr)
    });
}

#[divan::bench]
fn parse_default_session() -> candidat_core::Session {
    default_session()
}
