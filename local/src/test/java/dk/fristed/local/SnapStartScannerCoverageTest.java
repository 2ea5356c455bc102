package dk.fristed.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dk.fristed.devkit.SamTemplate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AWS's SnapStart scanner (SpotBugs, in `make test`) checks only classes that declare a Lambda handler
 * interface themselves; a function that only inherits it from ApiFunction would never be scanned.
 */
class SnapStartScannerCoverageTest {

    @Test
    void everyFunctionInTheTemplate_declaresRequestHandlerItself() throws Exception {
        List<SamTemplate.FunctionDefinition> functions = SamTemplate.ofProject().functions();
        assertFalse(functions.isEmpty());

        for (SamTemplate.FunctionDefinition function : functions) {
            Class<?> handler = Class.forName(
                    function.handler().substring(0, function.handler().indexOf("::")));
            assertTrue(
                    List.of(handler.getInterfaces()).contains(RequestHandler.class),
                    handler.getSimpleName()
                            + " must declare `implements RequestHandler<...>` itself, or the SnapStart scanner skips it");
        }
    }
}
