package dev.podgraph.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.podgraph.common.error.InvalidInputException;
import dev.podgraph.rules.ErrorCode;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

  @Test
  void aCursorIsUnpaddedBase64UrlOfItsPositionAndDecodesBack() {
    assertEquals("bjoyMDE", CursorCodec.encode("n:201"));
    assertEquals("n:201", CursorCodec.decode(CursorCodec.encode("n:201")));
    String position = "6f1c…zoë ångström?/+";
    assertEquals(position, CursorCodec.decode(CursorCodec.encode(position)));
  }

  @Test
  void noCursorIsNoPosition() {
    assertNull(CursorCodec.decode(null));
  }

  @Test
  void aCursorThatIsNotBase64UrlIsAClientErrorOnAfter() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> CursorCodec.decode("not a cursor!"));
    assertEquals(ErrorCode.BAD_USER_INPUT, e.code());
    assertEquals("Invalid input: after is not a cursor this service issued", e.getMessage());
  }
}
