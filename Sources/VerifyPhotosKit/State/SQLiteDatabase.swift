import CSQLite

/// Why the state database could not be used. `description` is English and stable (for logs
/// and tests); `Messages.describe(_:)` words `problem` in the language a person reads.
public struct StateError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    /// SQLite's extended result code, when SQLite refused (nil for other causes).
    public var sqliteCode: Int32?
    /// What went wrong, for a message in another language; nil for an error known only by text.
    public var problem: Problem?

    public init(description: String, sqliteCode: Int32? = nil) {
        self.description = description
        self.sqliteCode = sqliteCode
    }

    public init(_ problem: Problem, sqliteCode: Int32? = nil) {
        self.init(description: problem.description, sqliteCode: sqliteCode)
        self.problem = problem
    }

    /// A file kept beside the state, named in messages.
    public enum FileRole: String, Sendable {
        case lockFile = "lock file"
        case crashNotes = "crash note file"
    }

    public enum Problem: Equatable, Sendable, CustomStringConvertible {
        /// The lock or crash note file is a symbolic link.
        case symbolicLink(FileRole, path: String)
        case cannotOpen(FileRole, path: String, reason: String)
        case cannotExamine(FileRole, path: String, reason: String)
        case notRegularFile(FileRole, path: String)
        case otherOwner(FileRole, path: String, uid: UInt32)
        case hardLinks(FileRole, path: String, names: Int)
        case cannotMakePrivate(FileRole, path: String, reason: String)
        case cannotLock(path: String, reason: String)
        /// Another run held the lock for `waitedSeconds`; `process` is its id when it noted one.
        case locked(statePath: String, process: Int?, waitedSeconds: Int)
        case stoppedWhileWaiting
        /// The state's schema `version` is newer than the `known` one.
        case newerSchema(path: String, version: Int, known: Int)
        case cannotEmptyCrashNotes(reason: String)
        /// SQLite could not open the database at `path`; its words.
        case cannotOpenDatabase(path: String, message: String)

        public var description: String {
            switch self {
            case .symbolicLink(let role, let path):
                "the \(role.rawValue) \(path) is a symbolic link, which could make this run overwrite "
                    + "another file; refusing to use it. Check who made it, remove it, and run again"
            case .cannotOpen(let role, let path, let reason): "cannot open the \(role.rawValue) \(path): \(reason)"
            case .cannotExamine(let role, let path, let reason): "cannot examine the \(role.rawValue) \(path): \(reason)"
            case .notRegularFile(let role, let path):
                "the \(role.rawValue) \(path) is not a regular file; refusing to use it. Remove it and run again"
            case .otherOwner(let role, let path, let uid):
                "the \(role.rawValue) \(path) belongs to another user (uid \(uid)), who could hold it and block every run; "
                    + "refusing to use it. Remove it (the next run creates its own) and make sure only this user can write to its folder"
            case .hardLinks(let role, let path, let names):
                "the \(role.rawValue) \(path) has other hard links (\(names) names), so writing it would change another file; "
                    + "refusing to use it. Remove it and run again"
            case .cannotMakePrivate(let role, let path, let reason): "cannot make the \(role.rawValue) \(path) private (mode 0600): \(reason)"
            case .cannotLock(let path, let reason): "cannot lock \(path): \(reason)"
            case .locked(let statePath, let process, let waited):
                "another verify-photos run\(process.map { " (process \($0))" } ?? "") is using the state \(statePath); "
                    + "gave up after waiting \(waited) s (--lock-timeout)"
            case .stoppedWhileWaiting: "stopped while waiting for another verify-photos run to release the state"
            case .newerSchema(let path, let version, let known):
                "the state \(path) was written by a newer verify-photos (schema \(version), this one "
                    + "knows \(known)): run that version, or give --state a new file (every photo is then reported once more)"
            case .cannotEmptyCrashNotes(let reason): "cannot empty the crash note file: \(reason)"
            case .cannotOpenDatabase(let path, let message): "cannot open state database \(path): \(message)"
            }
        }
    }

    /// Whether the file is not a SQLite database or is corrupt (SQLITE_NOTADB, SQLITE_CORRUPT):
    /// it must be moved aside; every photo is then reported once more.
    public var isDamagedDatabase: Bool {
        guard let code = sqliteCode else { return false }
        return code & 0xFF == SQLITE_NOTADB || code & 0xFF == SQLITE_CORRUPT
    }
}

/// A SQLite database; the one owner of its `sqlite3` handle, closed in `deinit`.
final class SQLiteDatabase {
    private let handle: OpaquePointer

    init(path: String) throws(StateError) {
        var db: OpaquePointer?
        // NOFOLLOW: a link planted at the state's name must not make a root cron job write elsewhere.
        let status = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "error \(status)"
            let code = db.map { sqlite3_extended_errcode($0) } ?? status
            if let db { sqlite3_close_v2(db) }
            throw StateError(.cannotOpenDatabase(path: path, message: message), sqliteCode: code)
        }
        handle = db
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    /// The error of the last call that failed, with SQLite's result code kept.
    func failure(_ context: String = "state database") -> StateError {
        StateError(description: "\(context): \(lastError)", sqliteCode: sqlite3_extended_errcode(handle))
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite3_changes(handle)) }

    func execute(_ sql: String) throws(StateError) {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        guard status == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? lastError
            sqlite3_free(message)
            throw StateError(description: "state database: \(text)", sqliteCode: sqlite3_extended_errcode(handle))
        }
    }

    func prepare(_ sql: String) throws(StateError) -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw failure()
        }
        return SQLiteStatement(statement, database: self)
    }

    /// `PRAGMA user_version`: the schema version the database was last migrated to.
    /// The rowid of the last row inserted.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    func userVersion() throws(StateError) -> Int {
        let statement = try prepare("PRAGMA user_version")
        _ = try statement.step()
        return Int(statement.integer(0))
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws(StateError) -> T) throws(StateError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

/// A prepared statement; the one owner of its `sqlite3_stmt`, finalized in `deinit`.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let database: SQLiteDatabase

    fileprivate init(_ handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// A value to bind to a `?` parameter.
    enum Value {
        case integer(Int64)
        case text(String)
        case blob([UInt8])
        case null
    }

    /// Binds `values` to the parameters in order (after resetting the statement).
    func bind(_ values: [Value]) throws(StateError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .integer(let v): status = sqlite3_bind_int64(handle, index, v)
            case .text(let s): status = sqlite3_bind_text(handle, index, s, -1, transient)
            case .blob(let bytes):
                status = bytes.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), transient) }
            case .null: status = sqlite3_bind_null(handle, index)
            }
            guard status == SQLITE_OK else { throw database.failure() }
        }
    }

    /// Advances to the next row; false when there is none.
    func step() throws(StateError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.failure()
        }
    }

    /// Binds and runs a statement that returns no rows.
    func run(_ values: [Value]) throws(StateError) {
        try bind(values)
        _ = try step()
    }

    func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: text)
    }

    func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }
}
