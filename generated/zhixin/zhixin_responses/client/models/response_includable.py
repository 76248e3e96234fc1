from enum import StrEnum


class ResponseIncludable(StrEnum):
    CODE_INTERPRETER_CALL_OUTPUTS = "code_interpreter_call.outputs"
    COMPUTER_CALL_OUTPUT_OUTPUT_IMAGE_URL = "computer_call_output.output.image_url"
    FILE_SEARCH_CALL_RESULTS = "file_search_call.results"
    MESSAGE_INPUT_IMAGE_IMAGE_URL = "message.input_image.image_url"
    MESSAGE_OUTPUT_TEXT_LOGPROBS = "message.output_text.logprobs"
    REASONING_ENCRYPTED_CONTENT = "reasoning.encrypted_content"
    WEB_SEARCH_CALL_ACTION_SOURCES = "web_search_call.action.sources"
    WEB_SEARCH_CALL_RESULTS = "web_search_call.results"

    def __str__(self) -> str:
        return str(self.value)
