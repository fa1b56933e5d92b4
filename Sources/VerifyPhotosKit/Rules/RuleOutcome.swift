/// How one rule turned out for one photo.
public enum RuleOutcome: Sendable {
    case pass, review, fail, notJudged
}
