package org.practicealerts.system;

import org.practicealerts.embedded.EmbeddedStack;

/** The end-to-end scenarios on the embedded default: a KRaft broker and the MongoDB stand-in, each a process. */
class EmbeddedEndToEndTest extends EndToEndScenarios {

    @Override
    Infrastructure infrastructure() {
        return new Infrastructure() {
            @Override
            public EmbeddedStack.Options apply(EmbeddedStack.Options options) {
                return options.kafkaPort(0).mongoPort(0);
            }

            @Override
            public void close() {
                // the stack stops its own broker and database
            }
        };
    }
}
