// Hand-written reference for the matmul-only output stage (hdl/accel defernorm.accel.units.OutputStage with no
// factor and no shift): one register level holds the drained group's Q accumulators and its bias word (read
// from the bias memory by the group), then each lane is sat32(acc + bias).
`timescale 1ns/1ps
`default_nettype none
module OutputStage #(
    parameter Q = 4,
    parameter G = 8,
    parameter ACC = 22,
    parameter GB = $clog2(G)
) (
    input wire clk,
    input wire rst,
    input wire en,
    input wire b_we,                  // the bias memory's write port (configuration, not gated by en)
    input wire [GB-1:0] b_addr,
    input wire [32*Q-1:0] b_data,
    input wire in_valid,
    input wire in_last,
    input wire [GB-1:0] in_group,
    input wire [ACC*Q-1:0] in_acc,    // Q signed accumulators, lane 0 low
    output reg out_valid,
    output reg out_last,
    output wire [32*Q-1:0] out_data   // Q int32 lanes, lane 0 low
);
    reg [32*Q-1:0] bias [0:G-1];
    reg [32*Q-1:0] s1_bias;
    reg signed [ACC-1:0] s1_acc [0:Q-1];

    integer c;
    always @(posedge clk) begin
        if (rst) begin
            out_valid <= 1'b0;
            out_last <= 1'b0;
            for (c = 0; c < Q; c = c + 1) s1_acc[c] <= {ACC{1'b0}};
        end else if (en) begin
            out_valid <= in_valid;
            out_last <= in_last;
            for (c = 0; c < Q; c = c + 1) s1_acc[c] <= in_acc[ACC*c +: ACC];
        end
    end

    always @(posedge clk) begin
        if (b_we) bias[b_addr] <= b_data;
        if (en) s1_bias <= bias[in_group];
    end

    genvar j;
    generate
        for (j = 0; j < Q; j = j + 1) begin : lane
            wire signed [32:0] sum = {{33-ACC{s1_acc[j][ACC-1]}}, s1_acc[j]} + {s1_bias[32*j+31], s1_bias[32*j +: 32]};
            // Saturate when the 33-bit sum leaves int32 (its top two bits differ).
            assign out_data[32*j +: 32] = sum[32] == sum[31] ? sum[31:0] : {sum[32], {31{sum[31]}}};
        end
    endgenerate
endmodule
`default_nettype wire
