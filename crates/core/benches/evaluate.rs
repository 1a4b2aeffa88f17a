//! One evaluation of the default session (aim: < 10 µs), for the contract's example situation.
//! `cargo bench -p candidat-core`.

use candidat_core::{default_session, evaluate, fixtures};
use chrono::{DateTime, Utc};

fn main() {
    divan::main();
}

#[divan::bench]
fn evaluate_default_session(bencher: divan::Bencher) {
    let session = default_session();
    let situation = fixtures::cap_cuisine();
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
    let situation = fixtures::cap_cuisine();
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
