package vn.herald.content;

import java.util.UUID;

class FoldedSearchMigrationOnH2Test extends FoldedSearchMigrationContract {

    private final String url = "jdbc:h2:mem:v21_" + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Override
    String url() {
        return url;
    }

    @Override
    String user() {
        return "sa";
    }
}
