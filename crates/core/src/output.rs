//! The CLI's outputs: the contract's JSON object and the text an exam-office agent reads.
//! SKELETON (issue 3).
