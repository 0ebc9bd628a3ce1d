import ARServer
import Foundation

/// A token file with one token per role and scope, the tokens themselves kept for the test.
struct TokenFixture {
    let path: String
    let admin = "admin-token-0123456789"
    let analystFR = "analyst-fr01-token-abcdef"
    let viewerFR = "viewer-fr01-token-ghijkl"
    let analystAll = "analyst-all-token-mnopqr"

    init() throws {
        path = Paths.temporary("tokens") + "/tokens.yaml"
        let yaml = """
        tokens:
          - name: ops
            sha256: \(TokenFile.hash(admin))
            role: admin
          - name: controller-fr
            sha256: \(TokenFile.hash(analystFR))
            role: analyst
            entities: [FR01]
          - name: wall-fr
            sha256: \(TokenFile.hash(viewerFR))
            role: viewer
            entities: [FR01]
          - name: group-analyst
            sha256: \(TokenFile.hash(analystAll))
            role: analyst

        """
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
