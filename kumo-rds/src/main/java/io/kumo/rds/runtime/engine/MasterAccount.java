package io.kumo.rds.runtime.engine;

/** The master user an instance is created with, and its initial database (null: none). */
public record MasterAccount(String user, String password, String initialDatabase) {
    public MasterAccount {
        if (user == null || !user.matches("[A-Za-z][A-Za-z0-9_]{0,62}")) {
            throw new EngineException("invalid master user name: " + user);
        }
        if (password == null || password.isEmpty()) {
            throw new EngineException("the master user needs a password");
        }
        if (initialDatabase != null && !initialDatabase.matches("[A-Za-z][A-Za-z0-9_]{0,62}")) {
            throw new EngineException("invalid database name: " + initialDatabase);
        }
    }
}
