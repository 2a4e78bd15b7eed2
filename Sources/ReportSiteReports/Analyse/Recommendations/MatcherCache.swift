import Foundation
import ReportSiteCore

extension AddresseeMatcher {
    /// The matcher of `vocabulary`, made once and shared by every report analysed with it (making it took a
    /// tenth of a report's analysis). Reports are analysed on several threads: the last matcher made is kept
    /// under a lock, and used again only for an equal vocabulary.
    static func shared(for vocabulary: AddresseeVocabulary) -> AddresseeMatcher {
        MatcherCache.shared.matcher(for: vocabulary)
    }
}

private final class MatcherCache: @unchecked Sendable {
    static let shared = MatcherCache()
    private let lock = NSLock()
    private var last: (vocabulary: AddresseeVocabulary, matcher: AddresseeMatcher)?

    func matcher(for vocabulary: AddresseeVocabulary) -> AddresseeMatcher {
        lock.lock()
        if let last, last.vocabulary == vocabulary {
            lock.unlock()
            return last.matcher
        }
        lock.unlock()
        let made = AddresseeMatcher(vocabulary: vocabulary)
        lock.lock()
        last = (vocabulary, made)
        lock.unlock()
        return made
    }
}
