/** The prose around the facts of synthetic articles: lead-ins, fillers and reasons for reviewed sentences. */

export const FRAMES = [
  "According to officials, ",
  "Reports said that ",
  "On the same day, ",
  "Meanwhile, ",
  "As expected, ",
  "In a surprise move, ",
];
export const FILLERS = [
  "Analysts expect further talks in the coming months.",
  "The details of the arrangement were not made public.",
  "Observers said the move had been long in preparation.",
  "Markets reacted calmly to the news.",
  "Critics called the step \u201ctoo little, too late\u201d.",
  "The announcement came after weeks of speculation.",
  "It is unclear how the other side will respond.",
  "Officials declined to comment on the record.",
  "The situation remains tense \u2013 and fluid.",
  "Several questions remain open.",
];
export const ACTOR_FILLERS = [
  "{A} did not comment on the report.",
  "A spokesperson for {A} said more information would follow.",
  "{A} has long been a central player in the region.",
  "Few expected {A} to change course.",
];
export const REVIEW_REASONS = [
  "background, no relation between named actors",
  "a forecast by the author, no relation between named actors",
  "a statement about one actor only",
];
