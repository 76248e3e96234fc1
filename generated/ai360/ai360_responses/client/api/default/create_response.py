from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.create_response_request import CreateResponseRequest
from ...models.error_response import ErrorResponse
from ...models.response_object import ResponseObject
from typing import cast


def _get_kwargs(
    *,
    body: CreateResponseRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/responses",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ResponseObject:
    if response.status_code == 200:
        response_200 = ResponseObject.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ResponseObject]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateResponseRequest,
) -> Response[ErrorResponse | ResponseObject]:
    """Create a model response

     Creates a model response from text, image or file inputs; with `stream: true` the answer is a stream
    of server-sent events.

    Args:
        body (CreateResponseRequest): The body of `POST /v1/responses` (OpenAI Responses API
            create parameters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ResponseObject]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateResponseRequest,
) -> ErrorResponse | ResponseObject | None:
    """Create a model response

     Creates a model response from text, image or file inputs; with `stream: true` the answer is a stream
    of server-sent events.

    Args:
        body (CreateResponseRequest): The body of `POST /v1/responses` (OpenAI Responses API
            create parameters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ResponseObject
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateResponseRequest,
) -> Response[ErrorResponse | ResponseObject]:
    """Create a model response

     Creates a model response from text, image or file inputs; with `stream: true` the answer is a stream
    of server-sent events.

    Args:
        body (CreateResponseRequest): The body of `POST /v1/responses` (OpenAI Responses API
            create parameters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ResponseObject]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateResponseRequest,
) -> ErrorResponse | ResponseObject | None:
    """Create a model response

     Creates a model response from text, image or file inputs; with `stream: true` the answer is a stream
    of server-sent events.

    Args:
        body (CreateResponseRequest): The body of `POST /v1/responses` (OpenAI Responses API
            create parameters).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ResponseObject
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
