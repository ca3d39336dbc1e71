// Unit tests import functions/ directly: give them the CustomFunctions global that Excel provides.
import { createCustomFunctionsStub } from './customFunctionsStub';

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = createCustomFunctionsStub();
